import { z } from 'zod';
import { Timestamp, Uuid } from './ids.js';
import { ListQuery } from './page.js';
import { WebhookDeliveryType, WebhookEventType } from './webhook-event.js';

/** The events a webhook subscribes to: at least one, each once. */
const WebhookEvents = z
  .array(WebhookEventType)
  .min(1, 'must name at least one event')
  .refine((events) => new Set(events).size === events.length, 'must name each event once');

/**
 * `POST /api/v1/webhooks`: where to send which events. The server also refuses, by name (`url`), an address in a
 * loopback or private network unless it was started with `--allow-private-webhooks`.
 */
export const NewWebhook = z.strictObject({
  url: z.string().max(2048, 'must be at most 2048 characters'),
  events: WebhookEvents,
});
export type NewWebhook = z.infer<typeof NewWebhook>;

/** A registered webhook as the API lists it: never with its secret, which is shown once, at registration. */
export const Webhook = z.object({
  id: Uuid,
  url: z.string(),
  events: z.array(WebhookEventType),
  createdAt: Timestamp,
});
export type Webhook = z.infer<typeof Webhook>;

/** The reply to a registration: the webhook and its `whsec_…` signing secret, the only time the secret is shown. */
export const WebhookCreated = Webhook.extend({ secret: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be a whsec_… secret') });
export type WebhookCreated = z.infer<typeof WebhookCreated>;

/** `GET /api/v1/webhooks`: the project's webhooks (deleted ones left out), oldest first. */
export const WebhookList = z.object({ data: z.array(Webhook) });
export type WebhookList = z.infer<typeof WebhookList>;

/**
 * One attempt to deliver one event to a webhook. A retry is a new delivery with the same `messageId` (the
 * `webhook-id` header), by which receivers drop an event they already handled.
 */
export const WebhookDelivery = z.object({
  id: Uuid,
  webhookId: Uuid,
  /** The case event it carried, or `webhook.test` for a test sent from the settings. */
  type: WebhookDeliveryType,
  /** The `webhook-id` header: the same on every attempt of one event to one webhook. */
  messageId: z.string(),
  /** 1 for the first try, 2 for the first retry, … */
  attempt: z.number().int().min(1),
  /** The receiver's HTTP status; null when none arrived (refused, unreachable, timed out). */
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int().min(0),
  /** Why it failed, in one line; null for a 2xx. */
  error: z.string().nullable(),
  at: Timestamp,
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/** Query of `GET /api/v1/webhooks/:id/deliveries`: a page of attempts, newest first. */
export const WebhookDeliveryListQuery = ListQuery;
export type WebhookDeliveryListQuery = z.infer<typeof WebhookDeliveryListQuery>;
