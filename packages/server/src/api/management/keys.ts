import { Hono } from 'hono';
import { NewSecretKey, Uuid } from '@closeloop/sdk/schemas';
import type { SecretKeyCreated, SecretKeyList } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import type { AppEnv } from '../../app-env.js';
import { withTransaction } from '../../db/with-transaction.js';
import { HttpError } from '../../http/http-error.js';
import { readJsonBody } from '../../http/read-json-body.js';
import { requestKeyHash } from '../../http/request-key-hash.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { findProjectKey, generateSecretKey, insertProjectKey, listProjectKeys, revokeProjectKey } from '../../repos/project-keys.js';
import type { ManagementApiOptions } from './options.js';

const KeyPath = z.object({ id: Uuid });

/**
 * `/api/v1/keys`: the project's secret keys. One per integration, so one can be revoked without breaking the others;
 * a key's secret is shown once, in the reply that creates it, and stored only hashed.
 */
export function keysApi({ db, now }: ManagementApiOptions): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      /** `GET /api/v1/keys`: every key, revoked ones too, oldest first, each with its prefix and last use. */
      .get('/', requirePermission('settings:read'), async (c) => {
        const body: SecretKeyList = { data: await listProjectKeys(db.kysely, c.get('principal').project.id) };
        return c.json(body);
      })

      /** `POST /api/v1/keys` `{ label }` → 201 the key with its `sk_live_…` secret, shown this once. */
      .post('/', requirePermission('settings:write'), async (c) => {
        const { label } = parseOrThrow(NewSecretKey, await readJsonBody(c), 'key');
        const secret = generateSecretKey();
        const key = await insertProjectKey(db.kysely, c.get('principal').project.id, label, secret, now());
        const body: SecretKeyCreated = { ...key, secret };
        return c.json(body, 201);
      })

      /**
       * `DELETE /api/v1/keys/:id`: revokes the key; from the next request on it gets 401. The key this very request
       * authenticated with is refused (409): revoking it through the API would lock its holder out mid-way; do it
       * from the console or with another key. Revoking a revoked key is a 409 naming when it was revoked.
       */
      .delete('/:id', requirePermission('settings:write'), async (c) => {
        const { id } = parseOrThrow(KeyPath, c.req.param(), 'path');
        const projectId = c.get('principal').project.id;
        await withTransaction(db.kysely, async (trx) => {
          const found = await findProjectKey(trx, projectId, id);
          if (found === null) throw HttpError.field(404, 'key_not_found', 'id', `project has no key "${id}"`);
          if (found.hash === requestKeyHash(c)) {
            throw HttpError.field(409, 'key_in_use', 'id', 'is the key this request is using: revoke it with another key or from the console');
          }
          if (found.key.revokedAt !== null || !(await revokeProjectKey(trx, projectId, id, now()))) {
            throw HttpError.field(409, 'key_revoked', 'id', `was revoked already, at ${found.key.revokedAt ?? 'the same moment'}`);
          }
        });
        return c.body(null, 204);
      })
  );
}
