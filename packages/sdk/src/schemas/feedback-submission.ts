import { z } from 'zod';
import { EMAIL_PATTERN, FEEDBACK_CATEGORIES, FEEDBACK_COMMENT_MAX, FEEDBACK_EMAIL_MAX } from './feedback-limits.js';
import { ProjectKey, Timestamp, Uuid } from './ids.js';
import { Respondent, ResponseContext } from './respondent.js';

/** What the visitor says the feedback is; `problem` opens a follow-up case. */
export const FeedbackCategory = z.enum(FEEDBACK_CATEGORIES, {
  error: 'must be one of idea, problem, praise, other',
});
export type FeedbackCategory = z.infer<typeof FeedbackCategory>;

/**
 * `POST /v1/feedback`, sent by the feedback button. The client-generated `id` (a UUIDv7) makes retries idempotent:
 * the same id twice stores one feedback. `email` lets an anonymous visitor be answered; an identified user is
 * reached through their account, so it is refused for them rather than stored beside a second address.
 */
export const FeedbackSubmission = z
  .object({
    id: Uuid,
    project: ProjectKey,
    category: FeedbackCategory,
    comment: z
      .string({ error: 'must be text' })
      .trim()
      .min(1, 'must not be empty')
      .max(FEEDBACK_COMMENT_MAX, `must be at most ${FEEDBACK_COMMENT_MAX} characters`),
    email: z.email({ pattern: EMAIL_PATTERN, error: 'must be an email address' }).max(FEEDBACK_EMAIL_MAX).optional(),
    respondent: Respondent,
    context: ResponseContext,
    /** When the visitor sent it, by the browser's clock; the server clamps it to a sane window. */
    sentAt: Timestamp,
  })
  .superRefine((feedback, ctx) => {
    if (feedback.email !== undefined && feedback.respondent.userId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'only anonymous visitors may leave an email' });
    }
  });
export type FeedbackSubmission = z.infer<typeof FeedbackSubmission>;
export type FeedbackSubmissionInput = z.input<typeof FeedbackSubmission>;

/** The reply to `POST /v1/feedback`. */
export const FeedbackAccepted = z.object({
  id: Uuid,
  /** The follow-up case this feedback opened (a `problem`), if any. */
  followUpId: Uuid.nullable(),
});
export type FeedbackAccepted = z.infer<typeof FeedbackAccepted>;
