import type { WebhookEvent, WebhookEventType } from '@closeloop/sdk/schemas';
import type { Delivery } from './delivery.js';
import type { ResolveAll } from './guarded-lookup.js';
import { sendSigned } from './send-signed.js';

export interface SendWebhookOptions {
  url: string;
  /** The webhook's `whsec_…` secret. */
  secret: string;
  /** The event's id, the same on every attempt: receivers use it to drop a delivery they already handled. */
  id: string;
  type: WebhookEventType;
  /** The event's `data`: the case after the change. */
  payload: WebhookEvent['data'];
  /** When the event happened (the body's `timestamp`), so every retry sends the same body. Default: now. */
  occurredAt?: Date;
  /** Default 10 000. */
  timeoutMs?: number;
  /** Let the webhook reach loopback and private networks (`--allow-private-webhooks`, the demo, tests). */
  allowPrivate: boolean;
  /** The clock that dates the signature; tests pin it. */
  now?: () => Date;
  resolveAll?: ResolveAll;
}

/**
 * Delivers one event to a webhook: the body is the Standard Webhooks envelope `{ type, timestamp, data }`, signed
 * with the secret (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Resolves to the {@link Delivery}, failed
 * or not; it throws only for a secret that is not a `whsec_…` secret, which is a bug, not a receiver's failing.
 */
export function sendWebhook({ url, secret, id, type, payload, occurredAt, timeoutMs = 10_000, allowPrivate, now = () => new Date(), resolveAll }: SendWebhookOptions): Promise<Delivery> {
  const signedAt = now();
  const message: WebhookEvent = { type, timestamp: (occurredAt ?? signedAt).toISOString(), data: payload };
  return sendSigned({ url, secret, id, message, timeoutMs, allowPrivate, signedAt, resolveAll });
}
