import { z } from 'zod';
import { FollowUp, FollowUpStatus } from './follow-up.js';
import { Page } from './page.js';

/** Cases per status for the same filters but `status`: the counts on the queue's status tabs. */
export const FollowUpCounts = z.record(FollowUpStatus, z.number().int().min(0));
export type FollowUpCounts = z.infer<typeof FollowUpCounts>;

/** Reply of `GET /api/v1/follow-ups`: one page in the queue's order, and the counts per status. */
export const FollowUpList = Page(FollowUp).extend({ counts: FollowUpCounts });
export type FollowUpList = z.infer<typeof FollowUpList>;
