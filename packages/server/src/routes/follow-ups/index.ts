import type { Context } from 'hono';
import { FollowUpListQuery } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { pageBody, pageRequest } from '../../http/list-page.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import type { Db } from '../../db/db.js';
import { listCases } from '../../repos/cases.js';

export interface FollowUpsRouteOptions {
  db: Db;
}

/** `GET /api/v1/follow-ups`: the project's cases, newest first, each with its full response. */
export function listFollowUps({ db }: FollowUpsRouteOptions) {
  return async function listFollowUps(c: Context<AppEnv>) {
    const query = parseOrThrow(FollowUpListQuery, c.req.query(), 'query');
    const page = await listCases(db.kysely, c.get('project').id, pageRequest(query));
    return c.json(pageBody(page));
  };
}
