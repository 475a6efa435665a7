import { Hono } from 'hono';
import { PersonPath } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { HttpError } from '../../http/http-error.js';
import { actorOf } from '../../http/principal.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { erasePerson } from '../../people/erase-person.js';
import { exportPerson } from '../../people/export-person.js';
import type { ManagementApiOptions } from './options.js';

const unknownPerson = (userId: string) => HttpError.field(404, 'person_not_found', 'userId', `project stores nothing under the user id "${userId}"`);

/**
 * `/api/v1/people/:userId`: one person's data, by the user id the host page gives `identify()`: exported (a
 * data-subject access request) and erased (a request to be forgotten).
 */
export function peopleApi({ db, now }: ManagementApiOptions): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      /** `GET /api/v1/people/:userId/export` → everything stored about the person (PersonExport); 404 naming `userId` when nothing is. */
      .get('/:userId/export', requirePermission('people:read'), async (c) => {
        const { userId } = parseOrThrow(PersonPath, c.req.param(), 'path');
        const exported = await exportPerson(db.kysely, { projectId: c.get('principal').project.id, userId, now: now() });
        if (exported === null) throw unknownPerson(userId);
        return c.json(exported);
      })
      /** `DELETE /api/v1/people/:userId` → 200 PersonErasure with what was erased; all zero on a repeat; 404 naming `userId` for someone never stored. */
      .delete('/:userId', requirePermission('people:write'), async (c) => {
        const { userId } = parseOrThrow(PersonPath, c.req.param(), 'path');
        const principal = c.get('principal');
        const result = await erasePerson(db.kysely, { project: principal.project, userId, actor: actorOf(principal), now: now() });
        if (result.outcome === 'unknown_person') throw unknownPerson(userId);
        return c.json(result.erasure);
      })
  );
}
