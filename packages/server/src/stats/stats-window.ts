import type { FollowUpStatsQuery } from '@closeloop/sdk/schemas';
import { HttpError } from '../http/http-error.js';
import type { StatsWindow } from '../repos/follow-up-stats.js';

const DAY_MS = 86_400_000;
/** Without `from`, the window is this long. */
export const DEFAULT_WINDOW_DAYS = 30;
/** A year, leap day included: a longer window would read an unbounded share of the history per request. */
export const MAX_WINDOW_DAYS = 366;

/**
 * The window a stats query asks for: `to` defaults to now, `from` to 30 days before `to`. `from` must come before
 * `to` (else 422 naming `to`), and at most 366 days before it (else 422 naming `from`).
 */
export function statsWindow(query: FollowUpStatsQuery, now: Date): StatsWindow {
  const to = query.to ?? now.toISOString();
  const from = query.from ?? new Date(Date.parse(to) - DEFAULT_WINDOW_DAYS * DAY_MS).toISOString();
  if (from >= to) throw HttpError.field(422, 'invalid_request', 'to', `must come after from (${from})`);
  if (Date.parse(to) - Date.parse(from) > MAX_WINDOW_DAYS * DAY_MS) throw HttpError.field(422, 'invalid_request', 'from', `must be at most ${MAX_WINDOW_DAYS} days before to (${to})`);
  return { from, to };
}
