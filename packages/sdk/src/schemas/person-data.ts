import { z } from 'zod';
import { CaseEvent } from './case-event.js';
import { FollowUp } from './follow-up.js';
import { Timestamp, Uuid } from './ids.js';
import { MessageChannel } from './message.js';
import { StoredFeedback } from './stored-feedback.js';
import { StoredResponse } from './stored-response.js';

/**
 * The person `GET /api/v1/people/:userId/export` and `DELETE /api/v1/people/:userId` are about: the respondent's
 * `userId` as the host page gives it to `identify()`, so the same limits as the respondent's.
 */
export const PersonPath = z.object({
  userId: z.string({ error: 'must be text' }).min(1, 'must not be empty').max(256, 'must be at most 256 characters'),
});
export type PersonPath = z.infer<typeof PersonPath>;

/** A message that closed the loop with the person, with where it went (which the widget's `Message` leaves out). */
export const PersonMessage = z.object({
  id: Uuid,
  channel: MessageChannel,
  body: z.string(),
  /** The address an email went to; null for a widget message. */
  recipient: z.string().nullable(),
  createdAt: Timestamp,
  /** When the person saw a widget message; null until then, and for email. */
  seenAt: Timestamp.nullable(),
});
export type PersonMessage = z.infer<typeof PersonMessage>;

/** One case about the person: the case (its personal fields: contact, customer context), its timeline, its messages. */
export const PersonCase = z.object({
  followUp: FollowUp,
  timeline: z.array(CaseEvent),
  messages: z.array(PersonMessage),
});
export type PersonCase = z.infer<typeof PersonCase>;

/**
 * `GET /api/v1/people/:userId/export`: everything the project stores about one person (a data-subject access
 * request): each response given under that user id (answers, attributes, page context; verified or not, each says
 * which), each feedback sent under it, and each case opened by them or for them, with its timeline and messages.
 */
export const PersonExport = z.object({
  userId: z.string(),
  exportedAt: Timestamp,
  responses: z.array(StoredResponse),
  feedback: z.array(StoredFeedback),
  cases: z.array(PersonCase),
});
export type PersonExport = z.infer<typeof PersonExport>;

/** What one erasure changed, by kind of record. All zero when there was nothing (left) to erase. */
export const ErasureCounts = z.object({
  responses: z.number().int().nonnegative(),
  feedback: z.number().int().nonnegative(),
  cases: z.number().int().nonnegative(),
  /** Timeline events whose personal values (note bodies, messages, addresses, user ids) were replaced. */
  events: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  /** Webhook delivery attempts and jobs whose recorded error (a receiver's or mail server's reply) was replaced. */
  deliveries: z.number().int().nonnegative(),
});
export type ErasureCounts = z.infer<typeof ErasureCounts>;

/**
 * `DELETE /api/v1/people/:userId`: the person's personal data erased in one transaction. Scores, categories and
 * the cases themselves stay, anonymous, so the stats still count them; each affected case's timeline gains one
 * `personal_data_erased` event. A repeat finds nothing left: every count is zero.
 */
export const PersonErasure = z.object({
  userId: z.string(),
  erasedAt: Timestamp,
  erased: ErasureCounts,
});
export type PersonErasure = z.infer<typeof PersonErasure>;
