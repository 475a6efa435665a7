import type { Context } from 'hono';
import { FeedbackListQuery } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { pageBody, pageRequest } from '../../http/list-page.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import type { Db } from '../../db/db.js';
import { listFeedback as listStoredFeedback } from '../../repos/feedback.js';

export interface FeedbackListRouteOptions {
  db: Db;
}

/** `GET /api/v1/feedback`: the project's feedback, newest received first, optionally of one category. */
export function listFeedback({ db }: FeedbackListRouteOptions) {
  return async function listFeedback(c: Context<AppEnv>) {
    const query = parseOrThrow(FeedbackListQuery, c.req.query(), 'query');
    const page = await listStoredFeedback(db.kysely, c.get('project').id, pageRequest(query));
    return c.json(pageBody(page));
  };
}
