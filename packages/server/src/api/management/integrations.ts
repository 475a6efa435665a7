import { Hono } from 'hono';
import { EmailTestRequest, SlackIntegration } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import type { Db } from '../../db/db.js';
import { HttpError } from '../../http/http-error.js';
import { sendEmailTest } from '../../integrations/send-email-test.js';
import { sendSlackTest } from '../../integrations/send-slack-test.js';
import type { Mailer } from '../../notify/email/mailer.js';
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
  /** The server's SMTP settings, for the email test; null or absent: the server sends no email. */
  mail?: Mailer | null;
}

const slackNotSet = () => new HttpError(404, 'integration_not_found', 'project has no Slack integration');

/**
 * `/api/v1/integrations/slack`: the project's Slack incoming-webhook URL, where new and overdue cases are posted.
 * The URL is a credential (anyone holding it can post to the channel), yet the project that set it may read it back.
 */
export function integrationsApi({ db, now, allowPrivateWebhooks, mail }: IntegrationsApiOptions): Hono<AppEnv> {
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

      /**
       * `POST /api/v1/integrations/slack/test`: posts a test message to the Slack URL now, once → 200 how it went
       * (Slack's refusal in `error`); 409 when no Slack URL is set.
       */
      .post('/integrations/slack/test', requirePermission('integrations:write'), async (c) => {
        const { project } = c.get('principal');
        const url = await findIntegrationUrl(db.kysely, project.id, 'slack');
        if (url === null) throw HttpError.field(409, 'slack_not_configured', 'url', 'no Slack URL is set: PUT /api/v1/integrations/slack first');
        return c.json(await sendSlackTest(url, project.name, { allowPrivate: allowPrivateWebhooks }));
      })

      /**
       * `POST /api/v1/integrations/email/test` `{ to }`: sends a test mail through the server's SMTP settings now,
       * once → 200 how it went (the mail server's refusal in `error`); 409 when the server has no mail settings
       * (`CLOSELOOP_SMTP_URL`, `CLOSELOOP_MAIL_FROM`), which only whoever runs the server can set.
       */
      .post('/integrations/email/test', requirePermission('integrations:write'), async (c) => {
        const { to } = parseOrThrow(EmailTestRequest, await readJsonBody(c), 'email test');
        if (mail == null) {
          throw new HttpError(409, 'email_not_configured', 'This server sends no email: start it with CLOSELOOP_SMTP_URL and CLOSELOOP_MAIL_FROM set');
        }
        return c.json(await sendEmailTest(mail, c.get('principal').project.name, to));
      })

      /** `DELETE /api/v1/integrations/slack`: Slack hears of no new case; 204, or 404 when none was set. */
      .delete('/integrations/slack', requirePermission('integrations:write'), async (c) => {
        if (!(await deleteIntegration(db.kysely, c.get('principal').project.id, 'slack'))) throw slackNotSet();
        return c.body(null, 204);
      })
  );
}
