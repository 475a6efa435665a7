import type { Context } from 'hono';
import { FeedbackListQuery } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { pageBody, pageRequest } from '../../http/list-page.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import type { Store } from '../../store/store.js';

export interface FeedbackListRouteOptions {
  store: Store;
}

/** `GET /api/v1/feedback`: the project's feedback, newest received first, optionally of one category. */
export function listFeedback({ store }: FeedbackListRouteOptions) {
  return async function listFeedback(c: Context<AppEnv>) {
    const query = parseOrThrow(FeedbackListQuery, c.req.query(), 'query');
    const page = await store.listFeedback(c.get('project').id, pageRequest(query));
    return c.json(pageBody(page));
  };
}
