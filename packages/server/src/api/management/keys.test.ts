import { ErrorBody, SecretKeyCreated, SecretKeyList } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { NOW } from '../../testing/fixtures.js';
import { post, useTestApp } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';

function as(t: TestApp, secretKey: string) {
  const { app } = t;
  const authorization = `Bearer ${secretKey}`;
  return {
    create: (body: unknown) => post(app, '/api/v1/keys', body, { authorization }),
    list: () => app.request('/api/v1/keys', { headers: { authorization } }),
    revoke: (id: string) => app.request(`/api/v1/keys/${id}`, { method: 'DELETE', headers: { authorization } }),
  };
}

async function keysOf(res: Response) {
  expect(res.status).toBe(200);
  return SecretKeyList.parse(await res.json()).data;
}

describe.each(testDialects)('/api/v1/keys on $name', ({ open }) => {
  const t = useTestApp({}, open);

  it('creates a key whose secret is shown once, works at once, and is listed by prefix only', async () => {
    const res = await as(t, t.shop.secretKey).create({ label: '  Billing backend ' });
    expect(res.status).toBe(201);
    const created = SecretKeyCreated.parse(await res.json());
    expect(created).toMatchObject({ label: 'Billing backend', createdAt: NOW.toISOString(), lastUsedAt: null, revokedAt: null });
    expect(created.secret).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.secret.slice(0, 12));

    const listed = await as(t, created.secret).list();
    const body = await listed.clone().text();
    expect(body).not.toContain(created.secret);
    const keys = await keysOf(listed);
    // Both made at the pinned NOW, so their order is the ids'.
    expect(keys.map((k) => k.label).sort()).toEqual(['Billing backend', 'Default key']);
    // The new key was just used for that very request; nothing stores it in the clear.
    expect(keys.find((k) => k.id === created.id)?.lastUsedAt).not.toBeNull();
    const stored = await t.db.kysely.selectFrom('project_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(created.secret);
  });

  it('a revoked key gets 401 from the next request on; the others keep working', async () => {
    const created = SecretKeyCreated.parse(await (await as(t, t.shop.secretKey).create({ label: 'CI' })).json());
    expect((await as(t, created.secret).list()).status).toBe(200);

    expect((await as(t, t.shop.secretKey).revoke(created.id)).status).toBe(204);
    const refused = await as(t, created.secret).list();
    expect(refused.status).toBe(401);
    expect(ErrorBody.parse(await refused.json()).error.issues).toEqual([{ path: 'authorization', message: 'unknown secret key' }]);

    const keys = await keysOf(await as(t, t.shop.secretKey).list());
    expect(keys.find((k) => k.id === created.id)?.revokedAt).toBe(NOW.toISOString());
    // Revoking it again says when it was revoked, and changes nothing.
    const again = await as(t, t.shop.secretKey).revoke(created.id);
    expect(again.status).toBe(409);
    expect(ErrorBody.parse(await again.json()).error).toMatchObject({ code: 'key_revoked', issues: [{ path: 'id', message: `was revoked already, at ${NOW.toISOString()}` }] });
  });

  it('refuses to revoke the key the request itself uses (409), so nobody locks themselves out through the API', async () => {
    const [own] = await keysOf(await as(t, t.shop.secretKey).list());
    const res = await as(t, t.shop.secretKey).revoke(own!.id);
    expect(res.status).toBe(409);
    expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: 'key_in_use', issues: [{ path: 'id', message: expect.stringMatching(/^is the key this request is using/) }] });
    expect((await as(t, t.shop.secretKey).list()).status).toBe(200);

    // Another key may revoke it.
    const other = SecretKeyCreated.parse(await (await as(t, t.shop.secretKey).create({ label: 'Rotation' })).json());
    expect((await as(t, other.secret).revoke(own!.id)).status).toBe(204);
    expect((await as(t, t.shop.secretKey).list()).status).toBe(401);
  });

  it('names the field at fault: label (422), id (422 not a UUID, 404 unknown or another project’s)', async () => {
    for (const body of [{}, { label: '   ' }, { label: 'x'.repeat(101) }, { label: 'ok', extra: 1 }]) {
      const res = await as(t, t.shop.secretKey).create(body);
      expect(res.status).toBe(422);
      expect(ErrorBody.parse(await res.json()).error.issues?.map((i) => i.path)).toEqual([Object.keys(body).includes('extra') ? 'extra' : 'label']);
    }
    const notUuid = await as(t, t.shop.secretKey).revoke('nope');
    expect(notUuid.status).toBe(422);
    expect(ErrorBody.parse(await notUuid.json()).error.issues?.[0]?.path).toBe('id');
    const unknown = await as(t, t.shop.secretKey).revoke('0193a0a0-0000-7000-8000-000000000001');
    expect(unknown.status).toBe(404);
  });

  it('records the last use at most once a minute, so a busy integration does not write on every request', async () => {
    const created = SecretKeyCreated.parse(await (await as(t, t.shop.secretKey).create({ label: 'Busy' })).json());
    const lastUsed = async () => (await t.db.kysely.selectFrom('project_keys').select('last_used_at').where('id', '=', created.id).executeTakeFirstOrThrow()).last_used_at;
    expect(await lastUsed()).toBeNull();
    await as(t, created.secret).list();
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await as(t, created.secret).list();
    expect(await lastUsed()).toBe(first);
    // A use recorded more than a minute ago moves on the next request.
    await t.db.kysely.updateTable('project_keys').set({ last_used_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', created.id).execute();
    await as(t, created.secret).list();
    expect(await lastUsed()).not.toBe('2000-01-01T00:00:00.000Z');
  });
});
