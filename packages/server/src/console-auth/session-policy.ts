import { createHash, randomBytes } from 'node:crypto';

/** A session lapses after 12 hours without use… */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** …and after 7 days whatever its use: then the member signs in again. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** Use is recorded at most once a minute, so a busy console does not write on every request. */
export const SESSION_TOUCH_MS = 60 * 1000;

export const SESSION_COOKIE = 'closeloop_session';

/** 256 random bits, URL-safe: the cookie's token, or a CSRF token. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a session token: its SHA-256 (the token is random, so no salt or stretching is needed). */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** When a session used at `at` expires: 12 hours on, never past 7 days after it began. */
export function expiryAfterUse(createdAt: Date, at: Date): Date {
  return new Date(Math.min(at.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_MAX_MS));
}
