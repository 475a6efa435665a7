import type { z } from 'zod';
import { FeedbackCategory } from './feedback-submission.js';
import { Slug } from './ids.js';
import { ListQuery } from './page.js';

/** Query of `GET /api/v1/responses`: a page of responses, optionally of one survey. */
export const ResponseListQuery = ListQuery.extend({ surveyId: Slug.optional() });
export type ResponseListQuery = z.infer<typeof ResponseListQuery>;

/** Query of `GET /api/v1/feedback`: a page of feedback, optionally of one category. */
export const FeedbackListQuery = ListQuery.extend({ category: FeedbackCategory.optional() });
export type FeedbackListQuery = z.infer<typeof FeedbackListQuery>;
