import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { HttpError } from './http-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A cookie-authenticated request that may change something must echo its session's CSRF token in `X-CSRF-Token`,
 * else 403 `csrf_failed`: a cross-site page can make the browser send the cookie, never that header. Compared in
 * constant time, so the token cannot be guessed byte by byte from response times.
 */
export function checkCsrf(c: Context, csrfToken: string): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const sent = c.req.header('x-csrf-token');
  const a = Buffer.from(sent ?? '');
  const b = Buffer.from(csrfToken);
  if (sent === undefined || a.length !== b.length || !timingSafeEqual(a, b)) {
    throw HttpError.field(403, 'csrf_failed', 'x-csrf-token', 'missing or wrong: send the csrfToken of the session in X-CSRF-Token');
  }
}
