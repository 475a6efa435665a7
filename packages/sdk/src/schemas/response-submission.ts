import { z } from 'zod';
import { ProjectKey, Slug, Timestamp, Uuid } from './ids.js';
import { AnswerValue } from './question.js';
import { Respondent, ResponseContext } from './respondent.js';
import { QUESTIONS_MAX } from './submission-limits.js';

/**
 * `POST /v1/responses`. Sent once per answer as it is given (partial responses), always with the same
 * client-generated `id`: the server merges the answers into one response, so retries and later steps never
 * duplicate it. `finished` marks the last step; `closed`, that no step will follow (the survey was closed, finished
 * or not, or the page left with it open), so the server tells staff of a case now instead of waiting for a comment
 * that is not coming. A page restored from the back/forward cache may still send a later step: it merges as any.
 */
export const ResponseSubmission = z.object({
  id: Uuid,
  project: ProjectKey,
  surveyId: Slug,
  answers: z
    .record(Slug, AnswerValue)
    .refine((a) => Object.keys(a).length > 0, 'must hold at least one answer')
    .refine((a) => Object.keys(a).length <= QUESTIONS_MAX, `at most ${QUESTIONS_MAX} answers`),
  finished: z.boolean().default(false),
  closed: z.boolean().default(false),
  respondent: Respondent,
  context: ResponseContext,
  /** When the visitor answered, by the browser's clock; the server clamps it to a sane window. */
  answeredAt: Timestamp,
});
export type ResponseSubmission = z.infer<typeof ResponseSubmission>;
export type ResponseSubmissionInput = z.input<typeof ResponseSubmission>;

/** The reply to `POST /v1/responses`. */
export const ResponseAccepted = z.object({
  id: Uuid,
  /** The follow-up case this response opened, if any. */
  followUpId: Uuid.nullable(),
});
export type ResponseAccepted = z.infer<typeof ResponseAccepted>;
