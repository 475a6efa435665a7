import type { FollowUpStatus } from '../schemas/follow-up.js';

/**
 * Where a case may go from each status. `resolved` needs a resolution, so it is reached through /resolve only;
 * `closed` only from `resolved`; going back to `open` from `resolved` or `closed` is a reopen.
 */
export const TRANSITIONS: Readonly<Record<FollowUpStatus, readonly FollowUpStatus[]>> = {
  open: ['in_progress', 'waiting_on_customer', 'resolved'],
  in_progress: ['waiting_on_customer', 'resolved', 'open'],
  waiting_on_customer: ['in_progress', 'resolved'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

/** Why a status change is refused: not a transition at all, or `resolved` asked of PATCH instead of /resolve. */
export type TransitionRefusal = 'not_allowed' | 'needs_resolve';

export type TransitionVerdict = { allowed: true; event: 'status_changed' | 'reopened' | 'resolved' } | { allowed: false; why: TransitionRefusal };

/** Whether a case in `from` may move to `to`, by a status change (PATCH) or by resolving it, and the event it makes. */
export function transitionVerdict(from: FollowUpStatus, to: FollowUpStatus, by: 'status_change' | 'resolve'): TransitionVerdict {
  if (!TRANSITIONS[from].includes(to)) return { allowed: false, why: to === 'resolved' && by === 'status_change' ? 'needs_resolve' : 'not_allowed' };
  if (to === 'resolved') return by === 'resolve' ? { allowed: true, event: 'resolved' } : { allowed: false, why: 'needs_resolve' };
  if (to === 'open' && (from === 'resolved' || from === 'closed')) return { allowed: true, event: 'reopened' };
  return { allowed: true, event: 'status_changed' };
}
