import { z } from 'zod';
import { Slug, Timestamp, Uuid } from './ids.js';
import { StoredFeedback } from './stored-feedback.js';
import { StoredResponse } from './stored-response.js';

export const FollowUpStatus = z.enum(['open', 'assigned', 'resolved', 'closed']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const FollowUpPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type FollowUpPriority = z.infer<typeof FollowUpPriority>;

/** What every case has, whatever opened it. */
const caseFields = {
  id: Uuid,
  status: FollowUpStatus,
  priority: FollowUpPriority,
  ownerId: z.string().nullable(),
  dueAt: Timestamp,
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

/** A case opened by a negative survey answer; it carries the response (answers, respondent, page context). */
export const SurveyFollowUp = z.object({
  ...caseFields,
  source: z.literal('survey'),
  surveyId: Slug,
  /** The answer that matched the rule, e.g. the NPS score. */
  trigger: z.object({ question: Slug, value: z.number() }),
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
