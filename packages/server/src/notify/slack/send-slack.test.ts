import { afterEach, describe, expect, it } from 'vitest';
import { startHttpReceiver } from '@closeloop/test-receivers/http-receiver';
import type { HttpReceiver } from '@closeloop/test-receivers/http-receiver';
import type { CaseNotice } from '../case-notice.js';
import { buildSlackMessage } from './slack-message.js';
import { sendSlack } from './send-slack.js';

let hook: HttpReceiver | undefined;
afterEach(async () => {
  await hook?.close();
});

const notice: CaseNotice = {
  projectName: 'Demo Shop',
  caseUrl: 'https://feedback.example/console/cases/1',
  source: { kind: 'feedback' },
  score: null,
  comment: 'The discount code <!channel> is refused.',
  customer: null,
  contact: null,
  customerValue: null,
  priority: 'normal',
  dueAt: new Date('2026-11-25T10:00:00.000Z'),
  assigneeName: null,
};

describe('sendSlack', () => {
  it('POSTs the message as JSON to the incoming webhook, as Slack expects it', async () => {
    hook = await startHttpReceiver((_, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
    const message = buildSlackMessage(notice);
    const delivery = await sendSlack(hook.url, message, { allowPrivate: true });
    expect(delivery).toMatchObject({ ok: true, status: 200, error: null });
    expect(hook.requests[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(hook.requests[0]?.body ?? '')).toEqual(message);
  });

  it('reports what Slack said when it refuses the message', async () => {
    hook = await startHttpReceiver((_, res) => res.writeHead(404).end('no_service'));
    const delivery = await sendSlack(hook.url, buildSlackMessage(notice), { allowPrivate: true });
    expect(delivery).toMatchObject({ ok: false, status: 404, error: 'HTTP 404: no_service' });
  });

  it('refuses a private target unless allowed, like webhooks', async () => {
    hook = await startHttpReceiver();
    const delivery = await sendSlack(hook.url, buildSlackMessage(notice));
    expect(delivery).toMatchObject({ ok: false, status: null, error: 'refused: the URL must not point at 127.0.0.1, a loopback address' });
    expect(hook.requests).toHaveLength(0);
  });
});
