const DAY_MS = 86_400_000;

/**
 * The buckets a window splits into: UTC days, or ISO weeks (Monday 00:00 UTC). Each bucket's `start` is the day or
 * week it covers, cut to `from` for the first; `indexOfDay` finds a UTC day's (YYYY-MM-DD) bucket.
 */
export function timeBuckets(from: string, to: string, interval: 'day' | 'week') {
  const start = Date.parse(from);
  const end = Date.parse(to);
  const firstDay = Math.floor(start / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday: a day's weekday (Monday 0) is (days since the epoch + 3) mod 7.
  const first = interval === 'day' ? firstDay : firstDay - (((firstDay / DAY_MS + 3) % 7) * DAY_MS);
  const step = interval === 'day' ? DAY_MS : 7 * DAY_MS;
  const starts: string[] = [];
  for (let at = first; at < end; at += step) starts.push(new Date(Math.max(at, start)).toISOString());
  return {
    starts,
    indexOfDay(day: string): number {
      return Math.floor((Date.parse(`${day}T00:00:00.000Z`) - first) / step);
    },
  };
}
