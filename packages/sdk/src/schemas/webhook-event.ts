import { z } from 'zod';
import { FollowUp } from './follow-up.js';
import { Timestamp, Uuid } from './ids.js';

/**
 * What happened to a case, one webhook event type each; a subscription names the ones it wants.
 * `follow_up.answer_updated`: the customer wrote (or changed) the comment of the answer that opened the case after its
 * `follow_up.opened` went out, which waits for the comment the project's `commentWaitSeconds`.
 */
export const WebhookEventType = z.enum([
  'follow_up.opened',
  'follow_up.assigned',
  'follow_up.status_changed',
  'follow_up.overdue',
  'follow_up.resolved',
  'follow_up.loop_closed',
  'follow_up.answer_updated',
]);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/**
 * The body of every webhook the server sends, in the Standard Webhooks envelope (`type`, `timestamp`, `data`). `data`
 * carries the case as it is after the change, so a receiver needs no second call to act on it.
 */
export const WebhookEvent = z.object({
  type: WebhookEventType,
  /** When the event happened; the `webhook-timestamp` header says when this attempt was signed. */
  timestamp: Timestamp,
  data: z.object({ followUp: FollowUp }),
});
export type WebhookEvent = z.infer<typeof WebhookEvent>;

/**
 * What "send test" (`POST /api/v1/webhooks/:id/test`) delivers: signed like every event, so a receiver's check of
 * the signature is tested too, and named apart from the case events, so a receiver can answer 2xx and act on nothing.
 * Never subscribed to: every webhook can be sent one.
 */
export const WebhookTestEvent = z.object({
  type: z.literal('webhook.test'),
  timestamp: Timestamp,
  data: z.object({ webhookId: Uuid, message: z.string() }),
});
export type WebhookTestEvent = z.infer<typeof WebhookTestEvent>;

/** Everything a webhook may receive: a case event, or a test sent from the settings. */
export const WebhookMessage = z.discriminatedUnion('type', [WebhookEvent, WebhookTestEvent]);
export type WebhookMessage = z.infer<typeof WebhookMessage>;

/** What a delivery attempt carried: a case event type, or `webhook.test`. */
export const WebhookDeliveryType = z.union([WebhookEventType, z.literal('webhook.test')]);
export type WebhookDeliveryType = z.infer<typeof WebhookDeliveryType>;
