import { z } from 'zod';
import { FollowUpPriority, FollowUpStatus } from './follow-up.js';
import { Slug, Uuid } from './ids.js';
import { ListQuery } from './page.js';

/**
 * Query of `GET /api/v1/follow-ups`: a page of cases in the queue's order (priority, then due time), narrowed by any
 * of the filters. `assignee` is `me` (a signed-in member only), `none` or a member id; `team` is `none` or a team id;
 * `overdue=true` keeps cases past due and not yet resolved; `q` searches the customer's comments.
 */
export const FollowUpListQuery = ListQuery.extend({
  status: FollowUpStatus.optional(),
  assignee: z
    .string()
    .refine((v) => v === 'me' || v === 'none' || Uuid.safeParse(v).success, 'must be me, none or a member id')
    .optional(),
  team: z
    .string()
    .refine((v) => v === 'none' || Uuid.safeParse(v).success, 'must be none or a team id')
    .optional(),
  priority: FollowUpPriority.optional(),
  overdue: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
  surveyId: Slug.optional(),
  source: z.enum(['survey', 'feedback'], { error: 'must be survey or feedback' }).optional(),
  q: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
});
export type FollowUpListQuery = z.infer<typeof FollowUpListQuery>;
export type FollowUpListQueryInput = z.input<typeof FollowUpListQuery>;
