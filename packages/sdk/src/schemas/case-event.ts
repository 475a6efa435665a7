import { z } from 'zod';
import { Timestamp, Uuid } from './ids.js';

/**
 * What happened to a case. `priority_changed` and `due_changed` record PATCHes of those fields, so every change has
 * its event; `loop_closed`, `message_seen`, `escalated` and `notification_*` are written by the features that do them.
 * `next_answer` records the customer's next NPS answer after the case was resolved (`after`: `responseId`, `score`).
 * `answer_updated` records a later step of the answer that opened the case (the comment after the score, contact
 * details): `after`: `questionIds`, the questions it answered or changed, never what was written.
 * `personal_data_erased` records that the customer's personal data was erased (`DELETE /api/v1/people/:userId`):
 * who and when, and in `after` only counts, never what was erased.
 */
export const CaseEventType = z.enum([
  'opened',
  'assigned',
  'status_changed',
  'priority_changed',
  'due_changed',
  'note_added',
  'contacted',
  'resolved',
  'reopened',
  'next_answer',
  'answer_updated',
  'loop_closed',
  'message_seen',
  'escalated',
  'notification_delivered',
  'notification_failed',
  'personal_data_erased',
]);
export type CaseEventType = z.infer<typeof CaseEventType>;

/**
 * Who made a change: the project's secret key, a console member (by id: the member may later be deleted, the
 * event keeps naming them), the server itself (the rule that opened
 * the case, a notification's outcome), or the case's customer (a verified user who saw the message that closed the
 * loop, or whoever added to the answer that opened the case).
 */
export const CaseActor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project-key') }),
  z.object({ kind: z.literal('member'), memberId: Uuid }),
  z.object({ kind: z.literal('system') }),
  z.object({ kind: z.literal('customer') }),
]);
export type CaseActor = z.infer<typeof CaseActor>;

/** The fields an event changed, by name, as they were (`before`) and became (`after`); a note's `body` is in `after`. */
const Fields = z.record(z.string(), z.json());

/**
 * One entry of a case's timeline: who, when, what, before and after. The timeline is append-only, the audit trail
 * of the case: no route edits or deletes an event, and each is listed in the order it was written.
 */
export const CaseEvent = z.object({
  id: Uuid,
  type: CaseEventType,
  actor: CaseActor,
  at: Timestamp,
  before: Fields.nullable(),
  after: Fields.nullable(),
});
export type CaseEvent = z.infer<typeof CaseEvent>;
