import { Timestamp, Uuid, WebhookEventType } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import { withTransaction } from '../../db/with-transaction.js';
import { sendWebhook } from '../../notify/webhook/send-webhook.js';
import { findCaseById } from '../../repos/case-by-id.js';
import { insertDelivery } from '../../repos/webhook-deliveries.js';
import { findWebhookById } from '../../repos/webhooks.js';
import type { JobDependencies } from '../job-dependencies.js';
import { defineJob } from '../job-definition.js';
import type { JobKind } from '../job-definition.js';
import { messageIdOf } from './message-id.js';
import { recordNotification } from './record-notification.js';

export const DeliverWebhookPayload = z.object({ webhookId: Uuid, caseId: Uuid, event: WebhookEventType, occurredAt: Timestamp });

/**
 * 20 attempts: with the runner's backoff (1 s doubling to an hour, jittered) the last comes some 4–8 hours after the
 * first, so a receiver down for a deploy or a night still gets the event.
 */
export const deliverWebhookKind: JobKind<typeof DeliverWebhookPayload> = { kind: 'deliver-webhook', payload: DeliverWebhookPayload, maxAttempts: 20 };

/**
 * Sends one case event to one webhook, signed, with the case as it is now, and records the attempt, failed or not.
 * A non-2xx, a timeout or a refused address throws, so the runner retries with backoff; every attempt carries the
 * same `webhook-id`. A webhook deleted meanwhile, or a case erased meanwhile, gets nothing. Once every attempt
 * failed, the case's timeline says so (`notification_failed`, with the last error), as it does for email: the
 * delivery log alone cannot tell a last attempt from one that will be retried.
 */
export function deliverWebhookJob({ db, allowPrivateWebhooks, now, deliveryTimeoutMs = 10_000 }: JobDependencies) {
  return defineJob({
    ...deliverWebhookKind,
    async handle({ webhookId, caseId, event, occurredAt }, { attempt, key }) {
      // Both reads in one transaction: one turn on SQLite's single connection instead of one per query, and the
      // webhook and the case read at one moment.
      const { webhook, found } = await withTransaction(db.kysely, async (trx) => ({ webhook: await findWebhookById(trx, webhookId), found: await findCaseById(trx, caseId) }));
      if (webhook === null || webhook.deletedAt !== null || found === null) return;
      const messageId = messageIdOf(key);
      const delivery = await sendWebhook({
        url: webhook.url,
        secret: webhook.secret,
        id: messageId,
        type: event,
        payload: { followUp: found.followUp },
        occurredAt: new Date(occurredAt),
        timeoutMs: deliveryTimeoutMs,
        allowPrivate: allowPrivateWebhooks,
        now,
      });
      await insertDelivery(db.kysely, {
        webhookId,
        jobKey: key,
        type: event,
        messageId,
        attempt,
        statusCode: delivery.status,
        durationMs: delivery.durationMs,
        error: delivery.error,
        at: now(),
      });
      if (!delivery.ok) throw new Error(delivery.error ?? `HTTP ${delivery.status}`);
    },
    async onGiveUp({ webhookId, caseId, event }, { error }) {
      const found = await findCaseById(db.kysely, caseId);
      if (found === null) return;
      const after = { channel: 'webhook', event, webhookId, error };
      await recordNotification(db.kysely, { projectId: found.projectId, caseId, type: 'notification_failed', after, at: now() });
    },
  });
}
