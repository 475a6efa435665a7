import { z } from 'zod';
import { Slug, Timestamp, Uuid } from './ids.js';
import { StoredResponse } from './stored-response.js';

export const FollowUpStatus = z.enum(['open', 'assigned', 'resolved', 'closed']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const FollowUpPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type FollowUpPriority = z.infer<typeof FollowUpPriority>;

/**
 * A follow-up case, opened in the same transaction as the negative answer that caused it. It carries the
 * response (answers, respondent, page context) so support staff have the customer's context in one read.
 */
export const FollowUp = z.object({
  id: Uuid,
  surveyId: Slug,
  status: FollowUpStatus,
  priority: FollowUpPriority,
  ownerId: z.string().nullable(),
  /** The answer that matched the rule, e.g. the NPS score. */
  trigger: z.object({ question: Slug, value: z.number() }),
  dueAt: Timestamp,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  response: StoredResponse,
});
export type FollowUp = z.infer<typeof FollowUp>;
