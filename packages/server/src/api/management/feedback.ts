import { Hono } from 'hono';
import { FeedbackListQuery } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { pageBody, pageRequest } from '../../http/list-page.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { listFeedback } from '../../repos/feedback.js';
import type { ManagementApiOptions } from './options.js';

/** `/api/v1/feedback`: what visitors sent through the feedback button. */
export function feedbackApi({ db }: ManagementApiOptions): Hono<AppEnv> {
  /** `GET /api/v1/feedback`: the project's feedback, newest received first, optionally of one category. */
  return new Hono<AppEnv>().get('/', requirePermission('feedback:read'), async (c) => {
    const query = parseOrThrow(FeedbackListQuery, c.req.query(), 'query');
    return c.json(pageBody(await listFeedback(db.kysely, c.get('principal').project.id, pageRequest(query))));
  });
}
