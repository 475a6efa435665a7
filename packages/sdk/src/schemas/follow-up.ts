import { z } from 'zod';
import { CaseResolutionRecord } from './case-resolution.js';
import { CaseVersion } from './case-version.js';
import { Slug, Timestamp, Uuid } from './ids.js';
import { StoredFeedback } from './stored-feedback.js';
import { StoredResponse } from './stored-response.js';

/**
 * Where a case is in its life: `open` (nobody works it yet, or it was reopened) → `in_progress` → `waiting_on_customer`
 * → `resolved` → `closed`. Who works it is `assigneeId`, not a status: an assigned case is still open until work starts.
 */
export const FollowUpStatus = z.enum(['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const FollowUpPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type FollowUpPriority = z.infer<typeof FollowUpPriority>;

/** What every case has, whatever opened it. */
const caseFields = {
  id: Uuid,
  status: FollowUpStatus,
  priority: FollowUpPriority,
  /** The member who works the case; null while nobody does. Independent of the status. */
  assigneeId: z.string().nullable(),
  /** The team the case belongs to; null for none. Independent of the assignee (who need not be in it). */
  teamId: Uuid.nullable(),
  /** Starts at 1 and grows with every change: a change sent with an older version is refused (optimistic concurrency). */
  version: CaseVersion,
  dueAt: Timestamp,
  /** When the case escalated for being overdue; null until then. */
  escalatedAt: Timestamp.nullable(),
  /** When someone first recorded a contact with the customer (a `contact` note); null until then. */
  firstContactAt: Timestamp.nullable(),
  /** How it was resolved; null until resolved, and again once reopened. */
  resolution: CaseResolutionRecord.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

/** A case opened by a negative survey answer; it carries the response (answers, respondent, page context). */
export const SurveyFollowUp = z.object({
  ...caseFields,
  source: z.literal('survey'),
  surveyId: Slug,
  /** The answer that matched the follow-up rule, e.g. the NPS score (what showed the survey is the response's `context.trigger`). */
  reason: z.object({ question: Slug, value: z.number() }),
  response: StoredResponse,
});
export type SurveyFollowUp = z.infer<typeof SurveyFollowUp>;

/** A case opened by a `problem` sent through the feedback button; it carries the feedback. */
export const FeedbackFollowUp = z.object({
  ...caseFields,
  source: z.literal('feedback'),
  feedback: StoredFeedback,
});
export type FeedbackFollowUp = z.infer<typeof FeedbackFollowUp>;

/**
 * A follow-up case, opened in the same transaction as what caused it: a survey response or a feedback
 * submission, told apart by `source`. Each carries its cause in full so support staff have the customer's
 * context in one read.
 */
export const FollowUp = z.discriminatedUnion('source', [SurveyFollowUp, FeedbackFollowUp]);
export type FollowUp = z.infer<typeof FollowUp>;
export type FollowUpSource = FollowUp['source'];
