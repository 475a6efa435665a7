import { z } from 'zod';
import { CaseVersion } from './case-version.js';
import { FollowUpPriority, FollowUpStatus } from './follow-up.js';
import { Timestamp, Uuid } from './ids.js';

/**
 * `PATCH /api/v1/follow-ups/:id`: the fields to change, with the `version` they were read at (or an `If-Match:
 * "<version>"` header; one of the two is required). `resolved` is reached only through `/resolve` (it needs a
 * resolution); `assigneeId`/`teamId` null unassign.
 */
export const CasePatch = z
  .strictObject({
    status: FollowUpStatus.optional(),
    assigneeId: Uuid.nullable().optional(),
    teamId: Uuid.nullable().optional(),
    priority: FollowUpPriority.optional(),
    dueAt: Timestamp.optional(),
    version: CaseVersion.optional(),
  })
  .refine((p) => ['status', 'assigneeId', 'teamId', 'priority', 'dueAt'].some((field) => field in p), 'must change at least one of status, assigneeId, teamId, priority, dueAt');
export type CasePatch = z.infer<typeof CasePatch>;
export type CasePatchInput = z.input<typeof CasePatch>;
