import { z } from 'zod';
import { CaseEvent } from './case-event.js';
import { ResolutionKind } from './case-resolution.js';
import { FollowUp, FollowUpPriority, FollowUpStatus } from './follow-up.js';
import { HttpUrl } from './http-url.js';
import { Timestamp, Uuid } from './ids.js';
import { ContactAnswer } from './question.js';
import { StoredResponse } from './stored-response.js';

/** Another case of the same customer, in brief. */
export const CaseSummary = z.object({
  id: Uuid,
  source: z.enum(['survey', 'feedback']),
  status: FollowUpStatus,
  priority: FollowUpPriority,
  resolution: ResolutionKind.nullable(),
  createdAt: Timestamp,
});
export type CaseSummary = z.infer<typeof CaseSummary>;

/**
 * Who the customer is and where they were: the respondent (ids, attributes, verified), the page, device and locale
 * of the answer or feedback, and their earlier responses and cases (the same `userId` when verified, else the same
 * browser's `anonymousId`), newest first, 20 of each at most. `contact` is how they agreed to be reached about this
 * case: the survey's contact step (`{ consent: false }` when they declined), or the email left with a feedback; null
 * when neither was given.
 */
export const CustomerContext = z.object({
  respondent: StoredResponse.shape.respondent,
  page: HttpUrl,
  referrer: HttpUrl.optional(),
  locale: z.string().optional(),
  userAgent: z.string().optional(),
  device: z.enum(['desktop', 'tablet', 'mobile']).nullable(),
  earlierResponses: z.array(StoredResponse),
  earlierCases: z.array(CaseSummary),
  contact: ContactAnswer.nullable(),
});
export type CustomerContext = z.infer<typeof CustomerContext>;

/** Reply of `GET /api/v1/follow-ups/:id`: the case, its customer's context and its whole timeline, oldest first. */
export const CaseDetail = z.object({ case: FollowUp, customer: CustomerContext, timeline: z.array(CaseEvent) });
export type CaseDetail = z.infer<typeof CaseDetail>;
