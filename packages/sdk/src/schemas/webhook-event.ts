import { z } from 'zod';
import { FollowUp } from './follow-up.js';
import { Timestamp } from './ids.js';

/** What happened to a case, one webhook event type each; a subscription names the ones it wants. */
export const WebhookEventType = z.enum([
  'follow_up.opened',
  'follow_up.assigned',
  'follow_up.status_changed',
  'follow_up.overdue',
  'follow_up.resolved',
  'follow_up.loop_closed',
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
