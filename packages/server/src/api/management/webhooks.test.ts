import { ErrorBody, Page, WebhookCreated, WebhookDelivery, WebhookList } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { NOW, seedProject } from '../../testing/fixtures.js';
import { post, useTestApp } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';
import { insertDelivery } from '../../repos/webhook-deliveries.js';

const hook = { url: 'https://hooks.example.com/closeloop', events: ['follow_up.opened', 'follow_up.resolved'] };

function as(t: TestApp, secretKey = t.shop.secretKey) {
  const authorization = `Bearer ${secretKey}`;
  return {
    register: (body: unknown) => post(t.app, '/api/v1/webhooks', body, { authorization }),
    list: () => t.app.request('/api/v1/webhooks', { headers: { authorization } }),
    remove: (id: string) => t.app.request(`/api/v1/webhooks/${id}`, { method: 'DELETE', headers: { authorization } }),
    deliveries: (id: string, query = '') => t.app.request(`/api/v1/webhooks/${id}/deliveries${query}`, { headers: { authorization } }),
  };
}

async function issuesOf(res: Response) {
  return ErrorBody.parse(await res.json()).error.issues;
}

describe('/api/v1/webhooks', () => {
  const t = useTestApp();

  it('registers a webhook (201) and shows its whsec_ secret in that reply only', async () => {
    const res = await as(t).register(hook);
    expect(res.status).toBe(201);
    const created = WebhookCreated.parse(await res.json());
    expect(created).toMatchObject({ url: hook.url, events: hook.events, createdAt: NOW.toISOString() });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const listed = await as(t).list();
    expect(listed.status).toBe(200);
    const body: unknown = await listed.json();
    expect(WebhookList.parse(body).data).toEqual([{ id: created.id, url: hook.url, events: hook.events, createdAt: NOW.toISOString() }]);
    expect(JSON.stringify(body)).not.toContain('whsec_');
  });

  it.each(['http://127.0.0.1:8080/hook', 'http://10.0.0.7/hook', 'http://[::1]:9000/hook', 'http://localhost:8787/hook', 'http://169.254.169.254/latest/meta-data/'])(
    'refuses %s with a 422 naming url: a private or loopback target (SSRF) without --allow-private-webhooks',
    async (url) => {
      const res = await as(t).register({ ...hook, url });
      expect(res.status).toBe(422);
      expect(await issuesOf(res)).toEqual([{ path: 'url', message: expect.stringMatching(/^must not point at .*(loopback|private|link-local)/) }]);
      expect(WebhookList.parse(await (await as(t).list()).json()).data).toEqual([]);
    },
  );

  it.each(['ftp://hooks.example.com/x', 'not a url', 'https://user:pass@hooks.example.com/'])('refuses %s with a 422 naming url', async (url) => {
    const res = await as(t).register({ ...hook, url });
    expect(res.status).toBe(422);
    expect((await issuesOf(res))?.map((i) => i.path)).toEqual(['url']);
  });

  it.each([
    [{ url: hook.url, events: [] }, 'events'],
    [{ url: hook.url, events: ['follow_up.exploded'] }, 'events.0'],
    [{ url: hook.url, events: ['follow_up.opened', 'follow_up.opened'] }, 'events'],
    [{ url: hook.url }, 'events'],
    [{ events: ['follow_up.opened'] }, 'url'],
    [{ ...hook, secret: 'whsec_mine' }, 'secret'],
  ])('refuses %j with a 422 naming %s', async (body, path) => {
    const res = await as(t).register(body);
    expect(res.status).toBe(422);
    expect((await issuesOf(res))?.map((i) => i.path)).toContain(path);
  });

  it('accepts loopback targets when the server was started with --allow-private-webhooks', async () => {
    const app = createApp({ db: t.db, now: () => NOW, allowPrivateWebhooks: true });
    const res = await post(app, '/api/v1/webhooks', { url: 'http://127.0.0.1:8788/webhooks/closeloop', events: ['follow_up.opened'] }, { authorization: `Bearer ${t.shop.secretKey}` });
    expect(res.status).toBe(201);
  });

  it('deletes softly: gone from the list, a second delete is a 404, its deliveries stay readable', async () => {
    const { id } = WebhookCreated.parse(await (await as(t).register(hook)).json());
    await insertDelivery(t.db.kysely, { webhookId: id, jobKey: 'case:x:opened:webhook:y', type: 'follow_up.opened', messageId: 'msg_1', attempt: 1, statusCode: 204, durationMs: 12, error: null, at: NOW });
    expect((await as(t).remove(id)).status).toBe(204);
    expect(WebhookList.parse(await (await as(t).list()).json()).data).toEqual([]);
    expect((await as(t).remove(id)).status).toBe(404);
    const deliveries = await as(t).deliveries(id);
    expect(deliveries.status).toBe(200);
    expect(Page(WebhookDelivery).parse(await deliveries.json()).data).toMatchObject([{ webhookId: id, messageId: 'msg_1', attempt: 1, statusCode: 204, durationMs: 12, error: null }]);
  });

  it('pages deliveries newest first with an opaque cursor', async () => {
    const { id } = WebhookCreated.parse(await (await as(t).register(hook)).json());
    for (let attempt = 1; attempt <= 5; attempt++) {
      await insertDelivery(t.db.kysely, {
        webhookId: id,
        jobKey: 'case:x:opened:webhook:y',
        type: 'follow_up.opened',
        messageId: 'msg_1',
        attempt,
        statusCode: attempt === 5 ? 200 : 500,
        durationMs: 3,
        error: attempt === 5 ? null : 'HTTP 500',
        at: new Date(NOW.getTime() + attempt * 1_000),
      });
    }
    const first = Page(WebhookDelivery).parse(await (await as(t).deliveries(id, '?limit=2')).json());
    expect(first.data.map((d) => d.attempt)).toEqual([5, 4]);
    const second = Page(WebhookDelivery).parse(await (await as(t).deliveries(id, `?limit=2&cursor=${first.nextCursor}`)).json());
    expect(second.data.map((d) => d.attempt)).toEqual([3, 2]);
    const last = Page(WebhookDelivery).parse(await (await as(t).deliveries(id, `?limit=2&cursor=${second.nextCursor}`)).json());
    expect(last).toMatchObject({ data: [{ attempt: 1 }], nextCursor: null });
  });

  it("answers 404 for another project's webhook and 422 for an id that is not one", async () => {
    const { id } = WebhookCreated.parse(await (await as(t).register(hook)).json());
    const other = await seedProject(t.db, 'other');
    expect((await as(t, other.secretKey).deliveries(id)).status).toBe(404);
    expect((await as(t, other.secretKey).remove(id)).status).toBe(404);
    expect((await as(t).deliveries('nope')).status).toBe(422);
  });

  it('asks for the secret key', async () => {
    expect((await t.app.request('/api/v1/webhooks')).status).toBe(401);
    expect((await post(t.app, '/api/v1/webhooks', hook)).status).toBe(401);
  });
});
