import { scoreGroupOf } from '@closeloop/sdk/schemas';
import type { NpsFigures } from '@closeloop/sdk/schemas';

/** Counts per score 0–10 as NPS figures: the groups, and (promoters − detractors) / count × 100 to one decimal. */
export function npsFigures(distribution: readonly number[]): NpsFigures {
  const figures = { count: 0, detractors: 0, passives: 0, promoters: 0 };
  distribution.forEach((n, score) => {
    figures.count += n;
    figures[`${scoreGroupOf(score)}s`] += n;
  });
  const nps = figures.count === 0 ? null : Math.round(((figures.promoters - figures.detractors) / figures.count) * 1000) / 10;
  return { ...figures, nps };
}
