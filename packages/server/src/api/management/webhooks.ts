import { Hono } from 'hono';
import { NewWebhook, Uuid, WebhookDeliveryListQuery } from '@closeloop/sdk/schemas';
import type { WebhookCreated, WebhookList } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import type { AppEnv } from '../../app-env.js';
import type { Db } from '../../db/db.js';
import { HttpError } from '../../http/http-error.js';
import { pageBody, pageRequest } from '../../http/list-page.js';
import { readJsonBody } from '../../http/read-json-body.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { sendWebhookTest } from '../../integrations/send-webhook-test.js';
import { generateWebhookSecret } from '../../notify/webhook/webhook-secret.js';
import { listDeliveries } from '../../repos/webhook-deliveries.js';
import { deleteWebhook, findWebhook, insertWebhook, listWebhooks, publicWebhook } from '../../repos/webhooks.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { checkTargetUrl } from './target-url.js';

export interface WebhooksApiOptions {
  db: Db;
  now: () => Date;
  /** `--allow-private-webhooks`: accept loopback and private targets (the demo, tests). */
  allowPrivateWebhooks: boolean;
}

const WebhookPath = z.object({ id: Uuid });

const webhookNotFound = (id: string) => HttpError.field(404, 'webhook_not_found', 'id', `project has no webhook "${id}"`);

/**
 * `/api/v1/webhooks`: register, list and delete the project's webhooks, and read each one's delivery attempts. The
 * signing secret is shown once, in the reply to the registration.
 */
export function webhooksApi({ db, now, allowPrivateWebhooks }: WebhooksApiOptions): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      /** `POST /api/v1/webhooks` `{ url, events }` → 201 `{ id, url, events, secret, createdAt }`. */
      .post('/webhooks', requirePermission('webhooks:write'), async (c) => {
        const input = parseOrThrow(NewWebhook, await readJsonBody(c), 'webhook');
        const url = checkTargetUrl(input.url, { allowPrivate: allowPrivateWebhooks });
        const stored = await insertWebhook(db.kysely, { projectId: c.get('principal').project.id, url, events: input.events, secret: generateWebhookSecret() }, now());
        const body: WebhookCreated = { ...publicWebhook(stored), secret: stored.secret };
        return c.json(body, 201);
      })

      /** `GET /api/v1/webhooks`: the live webhooks, oldest first, without their secrets. */
      .get('/webhooks', requirePermission('webhooks:read'), async (c) => {
        const body: WebhookList = { data: (await listWebhooks(db.kysely, c.get('principal').project.id)).map(publicWebhook) };
        return c.json(body);
      })

      /** `DELETE /api/v1/webhooks/:id`: nothing new is sent to it; its deliveries stay readable. 204. */
      .delete('/webhooks/:id', requirePermission('webhooks:write'), async (c) => {
        const { id } = parseOrThrow(WebhookPath, c.req.param(), 'path');
        if (!(await deleteWebhook(db.kysely, c.get('principal').project.id, id, now()))) throw webhookNotFound(id);
        return c.body(null, 204);
      })

      /**
       * `POST /api/v1/webhooks/:id/test` → 200 the recorded attempt: a signed `webhook.test` sent now, once, through
       * the same signing and guarded POST as case events, and listed in the delivery log. A receiver that refuses
       * is still a 200 here: the attempt's `statusCode` and `error` say how it went.
       */
      .post('/webhooks/:id/test', requirePermission('webhooks:write'), async (c) => {
        const { id } = parseOrThrow(WebhookPath, c.req.param(), 'path');
        const webhook = await findWebhook(db.kysely, c.get('principal').project.id, id);
        if (webhook === null || webhook.deletedAt !== null) throw webhookNotFound(id);
        return c.json(await sendWebhookTest(webhook, { db, now, allowPrivate: allowPrivateWebhooks }));
      })

      /** `GET /api/v1/webhooks/:id/deliveries`: every attempt, newest first, a page at a time; a deleted webhook's too. */
      .get('/webhooks/:id/deliveries', requirePermission('webhooks:read'), async (c) => {
        const { id } = parseOrThrow(WebhookPath, c.req.param(), 'path');
        const query = parseOrThrow(WebhookDeliveryListQuery, c.req.query(), 'query');
        if ((await findWebhook(db.kysely, c.get('principal').project.id, id)) === null) throw webhookNotFound(id);
        return c.json(pageBody(await listDeliveries(db.kysely, id, pageRequest(query))));
      })
  );
}
