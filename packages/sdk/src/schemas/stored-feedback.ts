import { z } from 'zod';
import { FeedbackCategory } from './feedback-submission.js';
import { Timestamp, Uuid } from './ids.js';
import { Respondent, ResponseContext } from './respondent.js';

/** Feedback as the management API returns it (`GET /api/v1/feedback`). The signature itself is never echoed. */
export const StoredFeedback = z.object({
  id: Uuid,
  category: FeedbackCategory,
  comment: z.string(),
  email: z.string().optional(),
  respondent: Respondent.omit({ signature: true }).extend({ verified: z.boolean() }),
  context: ResponseContext,
  sentAt: Timestamp,
  receivedAt: Timestamp,
  followUpId: Uuid.nullable(),
});
export type StoredFeedback = z.infer<typeof StoredFeedback>;
