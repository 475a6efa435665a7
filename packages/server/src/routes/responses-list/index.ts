import type { Context } from 'hono';
import { ResponseListQuery } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { pageBody, pageRequest } from '../../http/list-page.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import type { Db } from '../../db/db.js';
import { listResponses as listStoredResponses } from '../../repos/responses.js';

export interface ResponsesListRouteOptions {
  db: Db;
}

/** `GET /api/v1/responses`: the project's responses, newest received first; the signature is never echoed. */
export function listResponses({ db }: ResponsesListRouteOptions) {
  return async function listResponses(c: Context<AppEnv>) {
    const query = parseOrThrow(ResponseListQuery, c.req.query(), 'query');
    const page = await listStoredResponses(db.kysely, c.get('project').id, pageRequest(query));
    return c.json(pageBody(page));
  };
}
