import { verifyWebhook } from '@closeloop/sdk/node';
import { ErrorBody, IntegrationTestResult, Page, WebhookCreated, WebhookDelivery } from '@closeloop/sdk/schemas';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createMailer } from '../notify/email/mailer.js';
import type { Mailer } from '../notify/email/mailer.js';
import { startHttpReceiver } from '@closeloop/test-receivers/http-receiver';
import type { HttpReceiver } from '@closeloop/test-receivers/http-receiver';
import { startSmtpReceiver } from '@closeloop/test-receivers/smtp-receiver';
import type { SmtpReceiver } from '@closeloop/test-receivers/smtp-receiver';
import { post, useTestApp } from '../testing/test-app.js';
import type { TestApp } from '../testing/test-app.js';
import { testDialects } from '../testing/test-dbs.js';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function receiver(status = 204): Promise<HttpReceiver> {
  const started = await startHttpReceiver((_, res) => res.writeHead(status).end());
  closers.push(() => started.close());
  return started;
}

const auth = (t: TestApp) => ({ authorization: `Bearer ${t.shop.secretKey}` });

describe.each(testDialects)('"send test" on $name', ({ open }) => {
  describe('webhooks', () => {
    // The real clock: the receiver checks the signature's time against it.
    const t = useTestApp({ allowPrivateWebhooks: true, now: () => new Date() }, open);

    async function register(url: string) {
      return WebhookCreated.parse(await (await post(t.app, '/api/v1/webhooks', { url, events: ['follow_up.opened'] }, auth(t))).json());
    }

    it('sends one signed webhook.test through the delivery path and records it in the delivery log', async () => {
      const hook = await receiver(204);
      const webhook = await register(hook.url);
      const res = await post(t.app, `/api/v1/webhooks/${webhook.id}/test`, '', auth(t));
      expect(res.status).toBe(200);
      const delivery = WebhookDelivery.parse(await res.json());
      expect(delivery).toMatchObject({ webhookId: webhook.id, type: 'webhook.test', attempt: 1, statusCode: 204, error: null });

      expect(hook.requests).toHaveLength(1);
      const [request] = hook.requests;
      // The receiver's own check (the sdk's verifyWebhook) accepts it: the signature is made with the webhook's secret.
      expect(verifyWebhook(request!.body, request!.headers, webhook.secret)).toMatchObject({ type: 'webhook.test', data: { webhookId: webhook.id } });
      expect(request!.headers['webhook-id']).toBe(delivery.messageId);

      const log = Page(WebhookDelivery).parse(await (await t.app.request(`/api/v1/webhooks/${webhook.id}/deliveries`, { headers: auth(t) })).json());
      expect(log.data).toEqual([delivery]);
    });

    it('records a refusing receiver as a failed attempt (200 here, the status and error in the delivery), never retried', async () => {
      const hook = await receiver(500);
      const webhook = await register(hook.url);
      const delivery = WebhookDelivery.parse(await (await post(t.app, `/api/v1/webhooks/${webhook.id}/test`, '', auth(t))).json());
      expect(delivery).toMatchObject({ statusCode: 500, error: 'HTTP 500' });
      expect(await t.db.kysely.selectFrom('jobs').selectAll().execute()).toEqual([]);
    });

    it('404 for an unknown or deleted webhook', async () => {
      const hook = await receiver();
      const webhook = await register(hook.url);
      await t.app.request(`/api/v1/webhooks/${webhook.id}`, { method: 'DELETE', headers: auth(t) });
      const res = await post(t.app, `/api/v1/webhooks/${webhook.id}/test`, '', auth(t));
      expect(res.status).toBe(404);
      expect(ErrorBody.parse(await res.json()).error.issues).toEqual([{ path: 'id', message: `project has no webhook "${webhook.id}"` }]);
      expect(hook.requests).toEqual([]);
    });
  });

  describe('Slack', () => {
    const t = useTestApp({ allowPrivateWebhooks: true }, open);

    it('posts a test message to the Slack URL, a real local receiver standing in for Slack', async () => {
      const slack = await receiver(200);
      await t.app.request('/api/v1/integrations/slack', { method: 'PUT', headers: { ...auth(t), 'content-type': 'application/json' }, body: JSON.stringify({ url: slack.url }) });
      const res = await post(t.app, '/api/v1/integrations/slack/test', '', auth(t));
      expect(res.status).toBe(200);
      expect(IntegrationTestResult.parse(await res.json())).toMatchObject({ ok: true, statusCode: 200, error: null });
      expect(slack.requests).toHaveLength(1);
      const message = JSON.parse(slack.requests[0]!.body) as { text: string; blocks: unknown[] };
      expect(message.text).toBe('Test from Closeloop: shop will post new and overdue follow-up cases here.');
      expect(message.blocks.length).toBeGreaterThan(0);
    });

    it('says how Slack refused (ok false, its status)', async () => {
      const slack = await receiver(404);
      await t.app.request('/api/v1/integrations/slack', { method: 'PUT', headers: { ...auth(t), 'content-type': 'application/json' }, body: JSON.stringify({ url: slack.url }) });
      expect(IntegrationTestResult.parse(await (await post(t.app, '/api/v1/integrations/slack/test', '', auth(t))).json())).toMatchObject({ ok: false, statusCode: 404, error: 'HTTP 404' });
    });

    it('409 naming url when no Slack URL is set', async () => {
      const res = await post(t.app, '/api/v1/integrations/slack/test', '', auth(t));
      expect(res.status).toBe(409);
      expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: 'slack_not_configured', issues: [{ path: 'url' }] });
    });
  });

  describe('email with SMTP settings', () => {
    let smtp: SmtpReceiver;
    let mailer: Mailer;
    const t = useTestApp({}, open);

    it('sends a test mail through the server’s SMTP settings to a real SMTP server', async () => {
      smtp = await startSmtpReceiver();
      mailer = createMailer({ smtpUrl: smtp.url, from: 'cases@shop.example' });
      closers.push(() => smtp.close(), () => mailer.transport.close());
      const app = createApp({ db: t.db, mail: mailer });
      const res = await post(app, '/api/v1/integrations/email/test', { to: 'lead@shop.example' }, auth(t));
      expect(res.status).toBe(200);
      expect(IntegrationTestResult.parse(await res.json())).toMatchObject({ ok: true, statusCode: null, error: null });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]).toMatchObject({ from: 'cases@shop.example', to: ['lead@shop.example'] });
      expect(smtp.received[0]!.mail.subject).toBe('Test from Closeloop (shop)');
      expect(smtp.received[0]!.mail.text).toMatch(/mail settings work/);
    });

    it('says how the mail server refused (ok false, its reason)', async () => {
      smtp = await startSmtpReceiver({ refuse: () => true });
      mailer = createMailer({ smtpUrl: smtp.url, from: 'cases@shop.example' });
      closers.push(() => smtp.close(), () => mailer.transport.close());
      const app = createApp({ db: t.db, mail: mailer });
      const result = IntegrationTestResult.parse(await (await post(app, '/api/v1/integrations/email/test', { to: 'nobody@shop.example' }, auth(t))).json());
      expect(result.ok).toBe(false);
      expect(result.error).toMatch(/550/);
    });

    it('422 naming to for an address that is not one; 409 on a server without mail settings', async () => {
      const bad = await post(t.app, '/api/v1/integrations/email/test', { to: 'not an address' }, auth(t));
      expect(bad.status).toBe(422);
      expect(ErrorBody.parse(await bad.json()).error.issues?.map((i) => i.path)).toEqual(['to']);
      const unset = await post(t.app, '/api/v1/integrations/email/test', { to: 'lead@shop.example' }, auth(t));
      expect(unset.status).toBe(409);
      expect(ErrorBody.parse(await unset.json()).error).toMatchObject({ code: 'email_not_configured', message: expect.stringMatching(/CLOSELOOP_SMTP_URL/) });
    });
  });
});
