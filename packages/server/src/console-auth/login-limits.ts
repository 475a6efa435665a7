import type { Conn } from '../db/db.js';
import { loginFailureTimes } from '../repos/login-failures.js';

/** Failed logins counted over the last 15 minutes: 5 per email, 20 per client address. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const FAILURES_PER_EMAIL = 5;
export const FAILURES_PER_IP = 20;

/**
 * Seconds until a login for `email` from `ip` may be tried again, or 0 when it may go ahead. Called once the attempt
 * itself is recorded (so parallel attempts see each other): it is refused when the failures before it reach the
 * limit. The failures are stored in the database, so the limit holds across server instances.
 */
export async function loginRetryAfter(conn: Conn, email: string, ip: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  let freeAt = 0;
  for (const [column, value, limit] of [['email', email, FAILURES_PER_EMAIL], ['ip', ip, FAILURES_PER_IP]] as const) {
    const times = await loginFailureTimes(conn, column, value, since);
    // The attempt's own row is one of `times`.
    if (times.length - 1 < limit) continue;
    // One more try frees up when the failure that put the count at the limit leaves the window.
    const decisive = times[times.length - 1 - limit] ?? times[0] ?? since;
    freeAt = Math.max(freeAt, Date.parse(decisive) + LOGIN_WINDOW_MS);
  }
  return freeAt === 0 ? 0 : Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
}
