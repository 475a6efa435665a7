import type { Context } from 'hono';
import { FollowUpListQuery } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { pageBody, pageRequest } from '../../http/list-page.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import type { Store } from '../../store/store.js';

export interface FollowUpsRouteOptions {
  store: Store;
}

/** `GET /api/v1/follow-ups`: the project's cases, newest first, each with its full response. */
export function listFollowUps({ store }: FollowUpsRouteOptions) {
  return async function listFollowUps(c: Context<AppEnv>) {
    const query = parseOrThrow(FollowUpListQuery, c.req.query(), 'query');
    const page = await store.listFollowUps(c.get('project').id, pageRequest(query));
    return c.json(pageBody(page));
  };
}
