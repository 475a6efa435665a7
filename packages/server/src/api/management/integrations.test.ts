import { ErrorBody, SlackIntegration } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { NOW } from '../../testing/fixtures.js';
import { useTestApp } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';

const SLACK = 'https://hooks.slack.com/services/T000/B000/XXXX';

function slack(t: TestApp, app = t.app) {
  const headers = { authorization: `Bearer ${t.shop.secretKey}`, 'content-type': 'application/json' };
  return {
    put: (body: unknown) => app.request('/api/v1/integrations/slack', { method: 'PUT', headers, body: JSON.stringify(body) }),
    get: () => app.request('/api/v1/integrations/slack', { headers }),
    remove: () => app.request('/api/v1/integrations/slack', { method: 'DELETE', headers }),
  };
}

describe('/api/v1/integrations/slack', () => {
  const t = useTestApp();

  it('sets, reads back, replaces and removes the Slack URL', async () => {
    expect((await slack(t).get()).status).toBe(404);
    const put = await slack(t).put({ url: SLACK });
    expect(put.status).toBe(200);
    expect(SlackIntegration.parse(await put.json())).toEqual({ url: SLACK });
    expect(await (await slack(t).get()).json()).toEqual({ url: SLACK });
    await slack(t).put({ url: `${SLACK}2` });
    expect(await (await slack(t).get()).json()).toEqual({ url: `${SLACK}2` });
    expect((await slack(t).remove()).status).toBe(204);
    expect((await slack(t).get()).status).toBe(404);
    expect((await slack(t).remove()).status).toBe(404);
  });

  it.each([
    ['http://hooks.slack.com/services/T/B/X', 'must be an https URL'],
    ['https://127.0.0.1/services/T/B/X', 'must not point at 127.0.0.1, a loopback address'],
    ['https://192.168.1.20/hook', 'must not point at 192.168.1.20, a private address'],
    ['https://localhost/hook', 'must not point at localhost, a loopback address'],
    ['slack', 'must be an http(s) URL'],
  ])('refuses %s with a 422 naming url: %s', async (url, message) => {
    const res = await slack(t).put({ url });
    expect(res.status).toBe(422);
    expect(ErrorBody.parse(await res.json()).error.issues).toEqual([{ path: 'url', message }]);
    expect((await slack(t).get()).status).toBe(404);
  });

  it('takes a plain-http local stand-in when the server allows private targets (the demo, tests)', async () => {
    const app = createApp({ db: t.db, now: () => NOW, allowPrivateWebhooks: true });
    expect((await slack(t, app).put({ url: 'http://127.0.0.1:9999/slack' })).status).toBe(200);
  });
});
