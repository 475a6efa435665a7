import type { FollowUpFigures, NextLoopGroup, RootCauseCount } from '@closeloop/sdk/schemas';
import type { StatsCase, StatsDetractor } from '../repos/follow-up-stats.js';

/** The detractor threshold and the recovered one, as NPS defines them: 0–6 detracts, 7 or more no longer does. */
const DETRACTOR_MAX = 6;
const RECOVERED_MIN = 7;

/**
 * The figures of one set of cases opened in the window, with the detractor answers that belong to it, `now` deciding
 * which open cases are past due. Plain arithmetic over rows already read, one pass each.
 */
export function followUpFigures(cases: readonly StatsCase[], detractors: readonly StatsDetractor[], now: number, rootCauseLabels: ReadonlyMap<string, string>): FollowUpFigures {
  let contactedInTime = 0;
  let slaBreaches = 0;
  const firstContactMs: number[] = [];
  const resolutionMs: number[] = [];
  let measured = 0;
  let recovered = 0;
  for (const c of cases) {
    if (c.firstContactAt !== null) {
      firstContactMs.push(c.firstContactAt - c.createdAt);
      if (c.firstContactAt < c.dueAt) contactedInTime++;
    }
    if (c.resolvedAt !== null) resolutionMs.push(c.resolvedAt - c.createdAt);
    if (c.resolvedAt !== null ? c.resolvedAt > c.dueAt : c.open && now > c.dueAt) slaBreaches++;
    if (c.openingScore !== null && c.openingScore <= DETRACTOR_MAX && c.recoveryScore !== null) {
      measured++;
      if (c.recoveryScore >= RECOVERED_MIN) recovered++;
    }
  }
  return {
    opened: cases.length,
    contactedWithinSla: share(contactedInTime, cases.length),
    medianFirstContactMs: median(firstContactMs),
    medianResolutionMs: median(resolutionMs),
    slaBreaches,
    recoveryRate: share(recovered, measured),
    rootCauses: rootCauseCounts(cases, rootCauseLabels),
    nextLoop: nextLoop(detractors),
  };
}

/** The root causes the cases' resolutions named, most frequent first (then by id), labelled as the settings name them. */
export function rootCauseCounts(cases: readonly StatsCase[], labels: ReadonlyMap<string, string>): RootCauseCount[] {
  const causes = new Map<string, number>();
  for (const c of cases) if (c.rootCause !== null) causes.set(c.rootCause, (causes.get(c.rootCause) ?? 0) + 1);
  return [...causes].map(([id, count]) => ({ id, label: labels.get(id) ?? id, count })).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
}

/** A customer's facts as bits: met in this set, followed up, answered again. */
const SEEN = 4;
const FOLLOWED_UP = 1;
const ANSWERED_AGAIN = 2;

/**
 * Customers, not answers: a customer with several detractor answers counts once, followed up when any of their cases
 * got a contact or a resolution, and answered again when they answered after any of those answers. A busy month holds
 * tens of thousands of detractors, tallied three times (overall, by team, by member) on the event loop: the facts go
 * in a byte per customer number, where a map keyed by customer id took 140–200 ms for the three at ~75,000.
 */
function nextLoop(detractors: readonly StatsDetractor[]): { followedUp: NextLoopGroup; notFollowedUp: NextLoopGroup } {
  let customers = 0;
  for (const d of detractors) customers = Math.max(customers, d.customer + 1);
  const facts = new Uint8Array(customers);
  for (const d of detractors) facts[d.customer]! |= SEEN | (d.followedUp ? FOLLOWED_UP : 0) | (d.answeredAgain ? ANSWERED_AGAIN : 0);
  // How many customers have each combination of the two facts.
  const tally = [0, 0, 0, 0];
  for (const f of facts) if (f & SEEN) tally[f & (FOLLOWED_UP | ANSWERED_AGAIN)]!++;
  const group = (followedUp: number): NextLoopGroup => {
    const answeredAgain = tally[followedUp | ANSWERED_AGAIN]!;
    const members = tally[followedUp]! + answeredAgain;
    return { customers: members, answeredAgain, rate: share(answeredAgain, members) };
  };
  return { followedUp: group(FOLLOWED_UP), notFollowedUp: group(0) };
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = values.sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
