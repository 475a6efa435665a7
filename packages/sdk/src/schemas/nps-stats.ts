import { z } from 'zod';
import { Timestamp } from './ids.js';
import { resultsFilterFields, withAttributeParams } from './results-filters.js';

/**
 * Parameters of `GET /api/v1/stats/nps`: the NPS answers received in the window (default the last 30 days, at most
 * 366), of one survey, page and attributes if asked, counted per UTC day or per ISO week (starting Monday, UTC).
 */
export const NpsStatsParams = z.strictObject({
  ...resultsFilterFields,
  interval: z.enum(['day', 'week'], { error: 'must be day or week' }).default('day'),
});
export const NpsStatsQuery = withAttributeParams(NpsStatsParams);
export type NpsStatsQuery = z.infer<typeof NpsStatsParams>;
export type NpsStatsQueryInput = z.input<typeof NpsStatsParams>;

const Count = z.number().int().min(0);

/**
 * Counts of one set of NPS answers: `nps` is (promoters − detractors) / count × 100, rounded to one decimal, null
 * without answers.
 */
export const NpsFigures = z.object({ count: Count, detractors: Count, passives: Count, promoters: Count, nps: z.number().min(-100).max(100).nullable() });
export type NpsFigures = z.infer<typeof NpsFigures>;

/**
 * Reply of `GET /api/v1/stats/nps`: every bucket of the window in order (empty ones too, so a chart has no gaps),
 * each starting at `start` (the first is cut to the window's `from`); how many answers gave each score 0–10; and the
 * totals.
 */
export const NpsStats = z.object({
  from: Timestamp,
  to: Timestamp,
  interval: z.enum(['day', 'week']),
  buckets: z.array(NpsFigures.extend({ start: Timestamp })),
  distribution: z.array(Count).length(11),
  totals: NpsFigures,
});
export type NpsStats = z.infer<typeof NpsStats>;
