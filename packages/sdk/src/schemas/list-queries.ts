import { z } from 'zod';
import { FeedbackCategory } from './feedback-submission.js';
import { FollowUpListQuery } from './follow-up-list-query.js';
import { ListQuery } from './page.js';
import { resultsFilterFields, ScoreGroup, withAttributeParams } from './results-filters.js';

const TrueOrFalse = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');

/**
 * Parameters of `GET /api/v1/responses`: a page of responses, newest received first, narrowed by survey, time, page,
 * attributes (`attr.<name>`), NPS score group, and, for a signed-in member, read state (`read=true|false`;
 * `unread=true` is `read=false`). A project key has no reader: `read`/`unread` are refused for it.
 */
export const ResponseListParams = ListQuery.extend({
  ...resultsFilterFields,
  group: ScoreGroup.optional(),
  read: TrueOrFalse.optional(),
  unread: TrueOrFalse.optional(),
});
export const ResponseListQuery = withAttributeParams(ResponseListParams);
export type ResponseListQuery = z.infer<typeof ResponseListParams>;

/** Parameters of `GET /api/v1/export/responses.csv`: the list's filters, every matching response (no pages). */
export const ResponseExportParams = ResponseListParams.omit({ limit: true, cursor: true });
export const ResponseExportQuery = withAttributeParams(ResponseExportParams);
export type ResponseExportQuery = z.infer<typeof ResponseExportParams>;

/** Parameters of `GET /api/v1/export/cases.csv`: the queue's filters, every matching case (no pages). */
export const CaseExportQuery = FollowUpListQuery.omit({ limit: true, cursor: true });
export type CaseExportQuery = z.infer<typeof CaseExportQuery>;

/** Query of `GET /api/v1/feedback`: a page of feedback, optionally of one category. */
export const FeedbackListQuery = ListQuery.extend({ category: FeedbackCategory.optional() });
export type FeedbackListQuery = z.infer<typeof FeedbackListQuery>;
