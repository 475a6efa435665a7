import type { z } from 'zod';
import { FeedbackCategory } from './feedback-submission.js';
import { FollowUpStatus } from './follow-up.js';
import { Slug } from './ids.js';
import { ListQuery } from './page.js';

/** Query of `GET /api/v1/follow-ups`: a page of cases, optionally only those in one status. */
export const FollowUpListQuery = ListQuery.extend({ status: FollowUpStatus.optional() });
export type FollowUpListQuery = z.infer<typeof FollowUpListQuery>;

/** Query of `GET /api/v1/responses`: a page of responses, optionally of one survey. */
export const ResponseListQuery = ListQuery.extend({ surveyId: Slug.optional() });
export type ResponseListQuery = z.infer<typeof ResponseListQuery>;

/** Query of `GET /api/v1/feedback`: a page of feedback, optionally of one category. */
export const FeedbackListQuery = ListQuery.extend({ category: FeedbackCategory.optional() });
export type FeedbackListQuery = z.infer<typeof FeedbackListQuery>;
