import type { NpsStats } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { countNpsAnswersByDay } from '../repos/nps-answers.js';
import type { ResponseFilters } from '../repos/response-filters.js';
import type { StatsWindow } from '../repos/follow-up-stats.js';
import { npsFigures } from './nps-figures.js';
import { timeBuckets } from './time-buckets.js';

/**
 * NPS over time: the answers received in the window (and matching `filters`), counted per score per day by the
 * database, then gathered into day or week buckets, a 0–10 distribution and totals.
 */
export async function getNpsStats(conn: Conn, projectId: string, window: StatsWindow, interval: 'day' | 'week', filters: ResponseFilters): Promise<NpsStats> {
  const rows = await countNpsAnswersByDay(conn, projectId, { ...filters, ...window });
  const buckets = timeBuckets(window.from, window.to, interval);
  const perBucket = buckets.starts.map(() => new Array<number>(11).fill(0));
  const distribution = new Array<number>(11).fill(0);
  for (const { day, score, count } of rows) {
    distribution[score]! += count;
    perBucket[buckets.indexOfDay(day)]![score]! += count;
  }
  return {
    from: window.from,
    to: window.to,
    interval,
    buckets: buckets.starts.map((start, i) => ({ start, ...npsFigures(perBucket[i]!) })),
    distribution,
    totals: npsFigures(distribution),
  };
}
