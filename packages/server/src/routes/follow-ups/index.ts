import type { Context } from 'hono';
import { FollowUpListQuery } from '@closeloop/sdk/schemas';
import type { FollowUp } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { cursorFromQuery, encodeCursor } from '../../http/page-cursor.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import type { Store } from '../../store/store.js';

export interface FollowUpsRouteOptions {
  store: Store;
}

/** `GET /api/v1/follow-ups`: the project's cases, newest first, each with its full response. */
export function listFollowUps({ store }: FollowUpsRouteOptions) {
  return async function listFollowUps(c: Context<AppEnv>) {
    const query = parseOrThrow(FollowUpListQuery, c.req.query(), 'query');
    const page = await store.listFollowUps(c.get('project').id, {
      limit: query.limit,
      after: cursorFromQuery(query.cursor),
      status: query.status,
    });
    const body: { data: FollowUp[]; nextCursor: string | null } = { data: page.data, nextCursor: page.next && encodeCursor(page.next) };
    return c.json(body);
  };
}
