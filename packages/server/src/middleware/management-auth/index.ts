import type { Context, Next } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { HttpError } from '../../http/http-error.js';
import type { Db } from '../../db/db.js';
import { findProjectBySecretKey } from '../../repos/projects.js';
import { projectKeyPrincipal } from '../../http/principal.js';

export interface ManagementAuthOptions {
  db: Db;
}

const challenge = { headers: { 'WWW-Authenticate': 'Bearer realm="closeloop"' } };

/**
 * `Authorization: Bearer sk_…` for the management API. The key is looked up by its hash, so the plain key is
 * never compared; the request then acts as that project's key: `c.get('principal')`, which holds every permission.
 */
export function managementAuth({ db }: ManagementAuthOptions) {
  return async function managementAuth(c: Context<AppEnv>, next: Next) {
    const header = c.req.header('authorization');
    if (header === undefined || header.trim() === '') {
      throw HttpError.field(401, 'unauthorized', 'authorization', 'missing: send "Authorization: Bearer sk_…"', challenge);
    }
    const key = /^Bearer\s+(sk_\S+)$/i.exec(header.trim())?.[1];
    if (key === undefined) throw HttpError.field(401, 'unauthorized', 'authorization', 'must be "Bearer sk_…"', challenge);
    const project = await findProjectBySecretKey(db.kysely, key);
    if (project === null) throw HttpError.field(401, 'unauthorized', 'authorization', 'unknown secret key', challenge);
    c.set('principal', projectKeyPrincipal(project));
    await next();
  };
}
