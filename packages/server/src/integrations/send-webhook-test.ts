import { randomUUID } from 'node:crypto';
import type { WebhookDelivery, WebhookTestEvent } from '@closeloop/sdk/schemas';
import type { Db } from '../db/db.js';
import { sendSigned } from '../notify/webhook/send-signed.js';
import { insertDelivery } from '../repos/webhook-deliveries.js';
import type { StoredWebhook } from '../repos/webhooks.js';

export interface SendWebhookTestOptions {
  db: Db;
  now: () => Date;
  allowPrivate: boolean;
  /** Default 10 000, as for case events. */
  timeoutMs?: number;
}

/**
 * "Send test": one signed `webhook.test` to the webhook, now, through the same signing and guarded POST as case
 * events, recorded in its delivery log like any attempt. Sent once and never retried: the admin is waiting for the
 * outcome, and a retry hours later would only confuse the receiver's owner.
 */
export async function sendWebhookTest(webhook: StoredWebhook, { db, now, allowPrivate, timeoutMs = 10_000 }: SendWebhookTestOptions): Promise<WebhookDelivery> {
  const id = `msg_test_${randomUUID()}`;
  const signedAt = now();
  const message: WebhookTestEvent = {
    type: 'webhook.test',
    timestamp: signedAt.toISOString(),
    data: { webhookId: webhook.id, message: 'A test event from Closeloop: answer 2xx, nothing to act on.' },
  };
  const delivery = await sendSigned({ url: webhook.url, secret: webhook.secret, id, message, timeoutMs, allowPrivate, signedAt });
  return insertDelivery(db.kysely, {
    webhookId: webhook.id,
    jobKey: `webhook:${webhook.id}:test:${id}`,
    type: 'webhook.test',
    messageId: id,
    attempt: 1,
    statusCode: delivery.status,
    durationMs: delivery.durationMs,
    error: delivery.error,
    at: now(),
  });
}
