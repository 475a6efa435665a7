import { Hono } from 'hono';
import { ResponseListQuery, ResponseReadRequest } from '@closeloop/sdk/schemas';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { HttpError } from '../../http/http-error.js';
import { pageBody, pageRequest } from '../../http/list-page.js';
import { readJsonBody } from '../../http/read-json-body.js';
import { readerOf } from '../../http/reader-of.js';
import { responseFiltersOf } from '../../http/response-filters-of.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { listResponses } from '../../repos/responses.js';
import { markResponsesRead } from '../../results/mark-responses-read.js';
import type { ManagementApiOptions } from './options.js';

/** `/api/v1/responses`: the project's survey responses, and each member's read state of them. */
export function responsesApi({ db, now }: ManagementApiOptions): Hono<AppEnv> {
  /**
   * `POST /api/v1/responses/read` and `/unread` `{ ids }`: the signed-in member marks responses (204). Reading is
   * personal bookkeeping, not a change to the project's data, so `responses:read` is enough (a viewer keeps track
   * too). A project key has no reader: 422 naming `ids`.
   */
  const mark = (read: boolean) =>
    async function markResponses(c: Context<AppEnv>) {
      const principal = c.get('principal');
      const { ids } = parseOrThrow(ResponseReadRequest, await readJsonBody(c), 'body');
      const memberId = readerOf(principal);
      if (memberId === null) throw HttpError.field(422, 'invalid_request', 'ids', `read state is per member: sign in to the console (this request acts as the ${principal.kind})`);
      const result = await markResponsesRead(db.kysely, { projectId: principal.project.id, memberId, ids, read, now: now() });
      if (result.outcome === 'unknown') throw HttpError.field(422, 'unknown_response', `ids.${result.index}`, `no response of the project has the id ${result.id}`);
      return c.body(null, 204);
    };

  return (
    new Hono<AppEnv>()
      /**
       * `GET /api/v1/responses`: the project's responses, newest received first, narrowed by survey, time, page,
       * attributes, score group and (for a member) read state; each names its case (`followUpId`) and, for a member,
       * whether they read it. The signature is never echoed.
       */
      .get('/', requirePermission('responses:read'), async (c) => {
        const principal = c.get('principal');
        const readerId = readerOf(principal);
        const { limit, cursor, ...query } = parseOrThrow(ResponseListQuery, c.req.query(), 'query');
        const request = { ...pageRequest({ limit, cursor }), ...responseFiltersOf(query, readerId) };
        return c.json(pageBody(await listResponses(db.kysely, principal.project.id, request, readerId)));
      })
      .post('/read', requirePermission('responses:read'), mark(true))
      .post('/unread', requirePermission('responses:read'), mark(false))
  );
}
