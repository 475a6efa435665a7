import { Hono } from 'hono';
import { ResponseListQuery } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { pageBody, pageRequest } from '../../http/list-page.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { listResponses } from '../../repos/responses.js';
import type { ManagementApiOptions } from './options.js';

/** `/api/v1/responses`: the project's survey responses. */
export function responsesApi({ db }: ManagementApiOptions): Hono<AppEnv> {
  /** `GET /api/v1/responses`: the project's responses, newest received first; the signature is never echoed. */
  return new Hono<AppEnv>().get('/', requirePermission('responses:read'), async (c) => {
    const query = parseOrThrow(ResponseListQuery, c.req.query(), 'query');
    return c.json(pageBody(await listResponses(db.kysely, c.get('principal').project.id, pageRequest(query))));
  });
}
