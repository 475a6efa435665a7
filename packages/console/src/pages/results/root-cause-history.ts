import type { ResultsApi } from '../../api/results.js';
import type { RootCausePeriod } from './outcomes-panel.js';

const DAY_MS = 86_400_000;
/** At most this many periods: one stats read each. */
const MAX_PERIODS = 6;

/**
 * The root causes per period of the window (weeks, or longer spans so there are at most six): one
 * `GET /api/v1/stats/follow-ups` per period, read side by side.
 */
export async function rootCauseHistory(api: Pick<ResultsApi, 'followUps'>, from: string, to: string): Promise<RootCausePeriod[]> {
  const start = Date.parse(from);
  const end = Date.parse(to);
  const days = Math.max(1, Math.ceil((end - start) / DAY_MS));
  const spanDays = Math.max(7, Math.ceil(days / MAX_PERIODS));
  const periods: [string, string][] = [];
  for (let at = start; at < end; at += spanDays * DAY_MS) periods.push([new Date(at).toISOString(), new Date(Math.min(end, at + spanDays * DAY_MS)).toISOString()]);
  const stats = await Promise.all(periods.map(([f, t]) => api.followUps({ from: f, to: t })));
  return stats.map((s, i) => ({ from: periods[i]![0], causes: s.overall.rootCauses }));
}
