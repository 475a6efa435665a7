import type { Context } from 'hono';
import { FeedbackListQuery } from '@closeloop/sdk/schemas';
import type { StoredFeedback } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { cursorFromQuery, encodeCursor } from '../../http/page-cursor.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import type { Store } from '../../store/store.js';

export interface FeedbackListRouteOptions {
  store: Store;
}

/** `GET /api/v1/feedback`: the project's feedback, newest received first, optionally of one category. */
export function listFeedback({ store }: FeedbackListRouteOptions) {
  return async function listFeedback(c: Context<AppEnv>) {
    const query = parseOrThrow(FeedbackListQuery, c.req.query(), 'query');
    const page = await store.listFeedback(c.get('project').id, {
      limit: query.limit,
      after: cursorFromQuery(query.cursor),
      category: query.category,
    });
    const body: { data: StoredFeedback[]; nextCursor: string | null } = { data: page.data, nextCursor: page.next && encodeCursor(page.next) };
    return c.json(body);
  };
}
