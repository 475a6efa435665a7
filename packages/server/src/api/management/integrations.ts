import { Hono } from 'hono';
import { SlackIntegration } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import type { Db } from '../../db/db.js';
import { HttpError } from '../../http/http-error.js';
import { readJsonBody } from '../../http/read-json-body.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { deleteIntegration, findIntegrationUrl, putIntegration } from '../../repos/integrations.js';
import { checkTargetUrl } from './target-url.js';

export interface IntegrationsApiOptions {
  db: Db;
  now: () => Date;
  /** `--allow-private-webhooks`: accept loopback and private targets, over plain http too (the demo, tests). */
  allowPrivateWebhooks: boolean;
}

const slackNotSet = () => new HttpError(404, 'integration_not_found', 'project has no Slack integration');

/**
 * `/api/v1/integrations/slack`: the project's Slack incoming-webhook URL, where new and overdue cases are posted.
 * The URL is a credential (anyone holding it can post to the channel), yet the project that set it may read it back.
 */
export function integrationsApi({ db, now, allowPrivateWebhooks }: IntegrationsApiOptions): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      /** `PUT /api/v1/integrations/slack` `{ url }`: sets or replaces it. */
      .put('/integrations/slack', requirePermission('integrations:write'), async (c) => {
        const input = parseOrThrow(SlackIntegration, await readJsonBody(c), 'Slack integration');
        const url = checkTargetUrl(input.url, { allowPrivate: allowPrivateWebhooks, https: true });
        await putIntegration(db.kysely, c.get('principal').project.id, 'slack', url, now());
        const body: SlackIntegration = { url };
        return c.json(body);
      })

      /** `GET /api/v1/integrations/slack` → `{ url }`, or 404 when none is set. */
      .get('/integrations/slack', requirePermission('integrations:read'), async (c) => {
        const url = await findIntegrationUrl(db.kysely, c.get('principal').project.id, 'slack');
        if (url === null) throw slackNotSet();
        const body: SlackIntegration = { url };
        return c.json(body);
      })

      /** `DELETE /api/v1/integrations/slack`: Slack hears of no new case; 204, or 404 when none was set. */
      .delete('/integrations/slack', requirePermission('integrations:write'), async (c) => {
        if (!(await deleteIntegration(db.kysely, c.get('principal').project.id, 'slack'))) throw slackNotSet();
        return c.body(null, 204);
      })
  );
}
