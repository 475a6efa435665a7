import { Hono } from 'hono';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LoginRequest } from '@closeloop/sdk/schemas';
import type { ConsoleSession } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../app-env.js';
import { consoleSessionOf } from '../console-auth/console-session-of.js';
import { endSession } from '../console-auth/end-session.js';
import { findSession } from '../console-auth/find-session.js';
import { logIn } from '../console-auth/log-in.js';
import { SESSION_COOKIE, SESSION_MAX_MS } from '../console-auth/session-policy.js';
import type { Db } from '../db/db.js';
import { checkCsrf } from '../http/check-csrf.js';
import { cameOverHttps, clientAddress } from '../http/client-address.js';
import { HttpError } from '../http/http-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import { parseOrThrow } from '../http/zod-issues.js';

export interface SessionApiOptions {
  db: Db;
  now: () => Date;
}

const noSession = () => HttpError.field(401, 'unauthorized', 'session', 'not signed in, or the session has ended or expired');

/** The session cookie's attributes: HttpOnly (no script reads it), Lax (no cross-site POST carries it), whole site. */
function cookieOptions(c: Context) {
  return { httpOnly: true, sameSite: 'Lax' as const, path: '/', secure: cameOverHttps(c) };
}

/**
 * `/api/v1/session`: console sign-in, the signed-in member, sign-out. The session lives in an HttpOnly cookie
 * (`closeloop_session`); the reply's `csrfToken` must come back in `X-CSRF-Token` on every cookie-authenticated
 * request that changes anything. Mounted before the management API, whose auth these routes do not go through.
 */
export function sessionApi({ db, now }: SessionApiOptions): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      /**
       * `POST /api/v1/session`: signs in with email and password. One 401 `invalid_credentials` for a wrong email or
       * password; 429 with `Retry-After` after 5 failures for the email or 20 from the address within 15 minutes.
       */
      .post('/', async (c) => {
        // JSON only: a cross-site form can post text/plain without asking, and could sign a browser into another account.
        if ((c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() !== 'application/json') {
          throw HttpError.field(415, 'unsupported_media_type', 'content-type', 'must be application/json');
        }
        const login = parseOrThrow(LoginRequest, await readJsonBody(c), 'login');
        const result = await logIn(db, { ...login, ip: clientAddress(c) }, now());
        if (result.outcome === 'rate_limited') {
          throw new HttpError(429, 'too_many_attempts', `Too many failed sign-ins: try again in ${result.retryAfterSeconds} s`, {
            headers: { 'Retry-After': String(result.retryAfterSeconds) },
          });
        }
        if (result.outcome === 'invalid_credentials') throw new HttpError(401, 'invalid_credentials', 'Wrong email or password');
        // The cookie lasts as long as a session may; the server ends it sooner when it lies unused (12 h).
        setCookie(c, SESSION_COOKIE, result.token, { ...cookieOptions(c), maxAge: SESSION_MAX_MS / 1000 });
        c.header('Cache-Control', 'no-store');
        const body: ConsoleSession = result.session;
        return c.json(body);
      })

      /** `GET /api/v1/session`: the signed-in member, their project, the CSRF token; 401 without a live session. */
      .get('/', async (c) => {
        const token = getCookie(c, SESSION_COOKIE);
        const session = token ? await findSession(db, token, now()) : null;
        if (session === null) throw noSession();
        c.header('Cache-Control', 'no-store');
        const body: ConsoleSession = consoleSessionOf(session);
        return c.json(body);
      })

      /** `DELETE /api/v1/session`: signs out (CSRF-checked like every change); the session ends server-side. */
      .delete('/', async (c) => {
        const token = getCookie(c, SESSION_COOKIE);
        const session = token ? await findSession(db, token, now()) : null;
        if (token === undefined || session === null) throw noSession();
        checkCsrf(c, session.csrfToken);
        await endSession(db, token);
        deleteCookie(c, SESSION_COOKIE, cookieOptions(c));
        return c.body(null, 204);
      })
  );
}

