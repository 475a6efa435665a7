import { z } from 'zod';
import { Slug, Timestamp, Uuid } from './ids.js';
import { WindowBound } from './window-bound.js';

/**
 * Query of `GET /api/v1/stats/follow-ups`: the window cases were opened (and detractors answered) in, `from`
 * inclusive, `to` exclusive. `from` must come before `to`, at most 366 days apart; without them, the last 30 days.
 */
export const FollowUpStatsQuery = z.strictObject({ from: WindowBound.optional(), to: WindowBound.optional() });
export type FollowUpStatsQuery = z.infer<typeof FollowUpStatsQuery>;
export type FollowUpStatsQueryInput = z.input<typeof FollowUpStatsQuery>;

const Count = z.number().int().min(0);
/** A share 0–1, null when there is nothing to divide. */
const Share = z.number().min(0).max(1).nullable();
const Duration = z.number().min(0).nullable();

/** Customers with a detractor answer in the window, and how many of them answered a survey again afterwards. */
export const NextLoopGroup = z.object({ customers: Count, answeredAgain: Count, rate: Share });
export type NextLoopGroup = z.infer<typeof NextLoopGroup>;

/** A root cause resolutions named (its id, its label in the settings) and how many cases it was named for. */
export const RootCauseCount = z.object({ id: Slug, label: z.string(), count: Count });
export type RootCauseCount = z.infer<typeof RootCauseCount>;

/**
 * The follow-up figures of a set of cases opened in the window (all of them, a team's, a member's):
 * - `opened`: how many;
 * - `contactedWithinSla`: the share whose first contact came before their due time (null without cases);
 * - `medianFirstContactMs`, `medianResolutionMs`: from opening to first contact, to resolution, over the cases that
 *   got there (null when none did);
 * - `slaBreaches`: resolved after their due time, or not resolved and past it now;
 * - `recoveryRate`: of the detractor cases (opened by an NPS score 0–6) whose customer answered again after the case
 *   was resolved, the share whose next score is 7 or more (null when there are none);
 * - `rootCauses`: the causes the resolutions named, most frequent first;
 * - `nextLoop`: customers with a detractor answer in the window, split by whether their case got a contact or a
 *   resolution, and how many answered any survey again afterwards: does following up bring customers back?
 */
export const FollowUpFigures = z.object({
  opened: Count,
  contactedWithinSla: Share,
  medianFirstContactMs: Duration,
  medianResolutionMs: Duration,
  slaBreaches: Count,
  recoveryRate: Share,
  rootCauses: z.array(RootCauseCount),
  nextLoop: z.object({ followedUp: NextLoopGroup, notFollowedUp: NextLoopGroup }),
});
export type FollowUpFigures = z.infer<typeof FollowUpFigures>;

/** One period of the window (`from` inclusive, `to` exclusive) and the root causes of the cases opened in it. */
export const RootCausePeriod = z.object({ from: Timestamp, to: Timestamp, rootCauses: z.array(RootCauseCount) });
export type RootCausePeriod = z.infer<typeof RootCausePeriod>;

/**
 * `GET /api/v1/stats/follow-ups`: the window, the figures overall, per team and per member (by assignee), and the
 * root causes over time: the window cut into at most six periods of seven days or more (the last one may be shorter),
 * every period listed, with or without causes, oldest first.
 */
export const FollowUpStats = z.object({
  from: Timestamp,
  to: Timestamp,
  overall: FollowUpFigures,
  teams: z.array(FollowUpFigures.extend({ teamId: Uuid, name: z.string() })),
  members: z.array(FollowUpFigures.extend({ memberId: Uuid, name: z.string() })),
  rootCausesOverTime: z.array(RootCausePeriod),
});
export type FollowUpStats = z.infer<typeof FollowUpStats>;
