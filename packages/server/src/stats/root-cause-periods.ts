import type { RootCausePeriod } from '@closeloop/sdk/schemas';
import type { StatsCase, StatsWindow } from '../repos/follow-up-stats.js';
import { rootCauseCounts } from './follow-up-figures.js';

const DAY_MS = 86_400_000;
/** At most this many periods, so the history stays a glance, not a table to scroll. */
const MAX_PERIODS = 6;
/** A period is a week at least: shorter ones hold too few resolutions to compare. */
const MIN_PERIOD_DAYS = 7;

/**
 * The root causes over time: the window cut into periods of whole days (a week, or longer so there are at most six),
 * the last one cut to the window's end, each with the causes of the cases opened in it. Counted from the cases the
 * stats read anyway, so the history costs no read of its own.
 */
export function rootCausePeriods(cases: readonly StatsCase[], { from, to }: StatsWindow, labels: ReadonlyMap<string, string>): RootCausePeriod[] {
  const start = Date.parse(from);
  const end = Date.parse(to);
  const days = Math.max(1, Math.ceil((end - start) / DAY_MS));
  const span = Math.max(MIN_PERIOD_DAYS, Math.ceil(days / MAX_PERIODS)) * DAY_MS;
  const inPeriod: StatsCase[][] = [];
  for (let at = start; at < end; at += span) inPeriod.push([]);
  for (const c of cases) inPeriod[Math.floor((c.createdAt - start) / span)]?.push(c);
  return inPeriod.map((periodCases, i) => ({
    from: new Date(start + i * span).toISOString(),
    to: new Date(Math.min(end, start + (i + 1) * span)).toISOString(),
    rootCauses: rootCauseCounts(periodCases, labels),
  }));
}
