import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { z } from 'zod';
import { verifyIdentity } from '@closeloop/sdk/node';
import { CONFIG_VERSION, ConfigResponse, ProjectKey } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { findPublicProject } from '../../http/find-public-project.js';
import { matchesEtag } from '../../http/static-file.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import type { Db } from '../../db/db.js';
import { listAnsweredSurveys } from '../../repos/responses.js';
import { listActiveSurveys } from '../../repos/surveys.js';

export const ConfigQuery = z.object({
  project: ProjectKey,
  /** An identified user, with the host backend's signature of the id: the reply then says what they answered. */
  user: z.string().min(1).max(256).optional(),
  signature: z.string().regex(/^[0-9a-f]{64}$/, 'must be a hex HMAC-SHA256').optional(),
});

export interface ConfigRouteOptions {
  db: Db;
}

/**
 * `GET /v1/config?project=pk_…`: the project's active surveys. `no-cache` plus an ETag of the body: browsers
 * revalidate on every page view, and an unchanged config costs a 304 with no body.
 *
 * With `&user=<id>&signature=<hex>` and a signature that verifies, the reply also lists the surveys this user
 * answered (on any device), so the browser's frequency caps hold across devices; that reply is `private`. Without
 * a valid signature the reply is the same as without a user: nothing tells whether the user exists.
 */
export function getConfig({ db }: ConfigRouteOptions) {
  return async function getConfig(c: Context<AppEnv>) {
    const { project: key, user, signature } = parseOrThrow(ConfigQuery, c.req.query(), 'query');
    const project = await findPublicProject(c, db, key);

    const verified = user !== undefined && signature !== undefined && verifyIdentity(project.identitySecret, user, signature);
    const answered = verified ? await listAnsweredSurveys(db.kysely, project.id, user) : undefined;
    const body = ConfigResponse.parse({ configVersion: CONFIG_VERSION, project: key, surveys: await listActiveSurveys(db.kysely, project.id), answered });
    const text = JSON.stringify(body);
    const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
    const headers = { ETag: etag, 'Cache-Control': verified ? 'private, no-cache' : 'no-cache' };
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
    return c.body(text, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  };
}
