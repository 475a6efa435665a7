import type { Context, Next } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../../app-env.js';
import { findSession } from '../../console-auth/find-session.js';
import { SESSION_COOKIE } from '../../console-auth/session-policy.js';
import { checkCsrf } from '../../http/check-csrf.js';
import { HttpError } from '../../http/http-error.js';
import type { Db } from '../../db/db.js';
import { findProjectBySecretKey } from '../../repos/projects.js';
import { memberPrincipal, projectKeyPrincipal } from '../../http/principal.js';

export interface ManagementAuthOptions {
  db: Db;
  now?: () => Date;
}

const challenge = { headers: { 'WWW-Authenticate': 'Bearer realm="closeloop"' } };

/**
 * Who a management request acts as, set as `c.get('principal')`: `Authorization: Bearer sk_…` (looked up by its
 * hash; the project's key, every permission), or else the console's session cookie (the member, with their role's
 * permissions). A cookie-authenticated request that changes anything must echo the session's CSRF token in
 * `X-CSRF-Token` (403 `csrf_failed`): a cross-site form can send the cookie, never that header. Bearer requests are
 * exempt, as no browser attaches them by itself.
 */
export function managementAuth({ db, now = () => new Date() }: ManagementAuthOptions) {
  return async function managementAuth(c: Context<AppEnv>, next: Next) {
    const header = c.req.header('authorization');
    if (header !== undefined && header.trim() !== '') {
      const key = /^Bearer\s+(sk_\S+)$/i.exec(header.trim())?.[1];
      if (key === undefined) throw HttpError.field(401, 'unauthorized', 'authorization', 'must be "Bearer sk_…"', challenge);
      const project = await findProjectBySecretKey(db.kysely, key);
      if (project === null) throw HttpError.field(401, 'unauthorized', 'authorization', 'unknown secret key', challenge);
      c.set('principal', projectKeyPrincipal(project));
      return next();
    }

    const token = getCookie(c, SESSION_COOKIE);
    if (token === undefined || token === '') {
      throw HttpError.field(401, 'unauthorized', 'authorization', 'missing: send "Authorization: Bearer sk_…" or sign in to the console', challenge);
    }
    const session = await findSession(db, token, now());
    if (session === null) throw HttpError.field(401, 'unauthorized', 'session', 'the console session has ended or expired: sign in again');
    checkCsrf(c, session.csrfToken);
    c.set('principal', memberPrincipal(session.project, session.member));
    return next();
  };
}

