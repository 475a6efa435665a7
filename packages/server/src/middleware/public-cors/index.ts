import type { Context, Next } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { ProjectKey } from '@closeloop/sdk/schemas';
import type { Db } from '../../db/db.js';
import { findProjectByPublicKeyCached } from '../../repos/projects.js';
import { HttpError } from '../../http/http-error.js';
import { setReplyHeader } from '../../http/set-reply-header.js';
import { originAllowed } from './origin-allowed.js';

export { checkOrigin } from './check-origin.js';

export interface PublicCorsOptions {
  db: Db;
  /** How long browsers may cache a preflight, in seconds. */
  maxAge?: number;
}

/**
 * CORS for the public `/v1` API, where the allowed origins belong to a project. Routes decide with
 * `checkOrigin(c, project)`; this middleware answers preflights and adds the headers after the route ran.
 *
 * A preflight names its project only when it is in the query (`/v1/config?project=…`): then an unlisted origin
 * gets a 403 at once. A POST preflight carries no body, so it is let through and the real request is checked.
 * Errors raised before the project is known (bad JSON, bad fields) still get CORS headers: they reveal nothing
 * about any project, and without them a developer sees a CORS failure instead of the field at fault.
 */
export function publicCors({ db, maxAge = 86_400 }: PublicCorsOptions) {
  return async function publicCors(c: Context<AppEnv>, next: Next) {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      const key = ProjectKey.safeParse(c.req.query('project'));
      if (origin !== undefined && key.success) {
        const project = await findProjectByPublicKeyCached(db.kysely, key.data);
        if (project && !originAllowed(project.allowedOrigins, origin) && origin !== new URL(c.req.url).origin) {
          throw HttpError.field(403, 'origin_not_allowed', 'origin', `${origin} is not an allowed origin of project ${key.data}`);
        }
      }
      return c.body(null, 204, {
        ...(origin !== undefined && { 'Access-Control-Allow-Origin': origin }),
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, If-None-Match',
        'Access-Control-Max-Age': String(maxAge),
        Vary: 'Origin',
      });
    }
    await next();
    setReplyHeader(c, 'Vary', 'Origin', { append: true });
    if (origin === undefined) return;
    const verdict = c.get('cors');
    if (verdict === 'allowed' || (verdict === undefined && c.res.status >= 400)) {
      setReplyHeader(c, 'Access-Control-Allow-Origin', origin);
      // Retry-After: the widget waits as long as a 503 or 429 says before sending again (a cross-origin page cannot read it unexposed).
      setReplyHeader(c, 'Access-Control-Expose-Headers', 'ETag, Retry-After');
    }
  };
}
