import type { FollowUpFigures, NextLoopGroup } from '@closeloop/sdk/schemas';
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
  const causes = new Map<string, number>();
  let measured = 0;
  let recovered = 0;
  for (const c of cases) {
    if (c.firstContactAt !== null) {
      firstContactMs.push(c.firstContactAt - c.createdAt);
      if (c.firstContactAt < c.dueAt) contactedInTime++;
    }
    if (c.resolvedAt !== null) resolutionMs.push(c.resolvedAt - c.createdAt);
    if (c.resolvedAt !== null ? c.resolvedAt > c.dueAt : c.open && now > c.dueAt) slaBreaches++;
    if (c.rootCause !== null) causes.set(c.rootCause, (causes.get(c.rootCause) ?? 0) + 1);
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
    rootCauses: [...causes]
      .map(([id, count]) => ({ id, label: rootCauseLabels.get(id) ?? id, count }))
      .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)),
    nextLoop: nextLoop(detractors),
  };
}

/**
 * Customers, not answers: a customer with several detractor answers counts once, followed up when any of their cases
 * got a contact or a resolution, and answered again when they answered after any of those answers.
 */
function nextLoop(detractors: readonly StatsDetractor[]): { followedUp: NextLoopGroup; notFollowedUp: NextLoopGroup } {
  const customers = new Map<string, { followedUp: boolean; answeredAgain: boolean }>();
  for (const d of detractors) {
    const seen = customers.get(d.customer);
    customers.set(d.customer, { followedUp: (seen?.followedUp ?? false) || d.followedUp, answeredAgain: (seen?.answeredAgain ?? false) || d.answeredAgain });
  }
  const group = (followedUp: boolean): NextLoopGroup => {
    const members = [...customers.values()].filter((c) => c.followedUp === followedUp);
    const answeredAgain = members.filter((c) => c.answeredAgain).length;
    return { customers: members.length, answeredAgain, rate: share(answeredAgain, members.length) };
  };
  return { followedUp: group(true), notFollowedUp: group(false) };
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
