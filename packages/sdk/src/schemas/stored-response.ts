import { z } from 'zod';
import { Slug, Timestamp, Uuid } from './ids.js';
import { AnswerValue } from './question.js';
import { Respondent, ResponseContext } from './respondent.js';

/** A response as the management API returns it (`GET /api/v1/responses`). The signature itself is never echoed. */
export const StoredResponse = z.object({
  id: Uuid,
  surveyId: Slug,
  answers: z.record(Slug, AnswerValue),
  finished: z.boolean(),
  respondent: Respondent.omit({ signature: true }).extend({ verified: z.boolean() }),
  context: ResponseContext,
  answeredAt: Timestamp,
  receivedAt: Timestamp,
  updatedAt: Timestamp,
  followUpId: Uuid.nullable(),
});
export type StoredResponse = z.infer<typeof StoredResponse>;

/**
 * A response in the management list: the stored response with its NPS score (the answer to the survey's first NPS
 * question; null without one) and whether the signed-in member has read it (null for a project key, which has no
 * reader). `followUpId` names its case when it opened one.
 */
export const ListedResponse = StoredResponse.extend({ npsScore: z.number().int().min(0).max(10).nullable(), read: z.boolean().nullable() });
export type ListedResponse = z.infer<typeof ListedResponse>;
