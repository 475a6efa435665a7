import type { FollowUp, FollowUpStatus } from '@closeloop/sdk/schemas';
import type { TransitionRefusal } from '@closeloop/sdk/logic';

/** Why a change to a case was refused. Nothing was written. */
export type CaseChangeRefusal =
  | { outcome: 'not_found' }
  /** The change was made against `expected`, but the case has moved on to `version` (in `status`). */
  | { outcome: 'stale_version'; expected: number; version: number; status: FollowUpStatus }
  | { outcome: 'illegal_transition'; from: FollowUpStatus; to: FollowUpStatus; why: TransitionRefusal | 'needs_resolution' }
  | { outcome: 'unknown_member'; field: 'assigneeId'; id: string }
  | { outcome: 'unknown_team'; field: 'teamId'; id: string }
  | { outcome: 'unknown_root_cause'; field: 'rootCause'; id: string };

/** A change made (the case as it now is, its version raised) or refused. */
export type CaseChangeResult = { outcome: 'changed'; followUp: FollowUp } | CaseChangeRefusal;
