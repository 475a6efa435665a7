import { Member, MemberList } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { NOW } from '../../testing/fixtures.js';
import { caseRequests } from '../../testing/case-requests.js';
import { useTestApp } from '../../testing/test-app.js';
import { insertMember } from '../../repos/members.js';
import { createProject } from '../../repos/projects.js';

describe('/api/v1/members', () => {
  const t = useTestApp();
  const api = caseRequests(t);
  const list = async (key = t.shop.secretKey) => MemberList.parse(await (await t.app.request('/api/v1/members', { headers: { Authorization: `Bearer ${key}` } })).json()).data;

  it('adds members with defaults, lists them by name, changes and deletes them', async () => {
    const res = await api.send('POST', '/api/v1/members', { name: 'Zoé', email: 'Zoe@Shop.example' });
    expect(res.status).toBe(201);
    const zoe = Member.parse(await res.json());
    expect(zoe).toEqual({ id: expect.any(String), name: 'Zoé', email: 'zoe@shop.example', role: 'agent', away: false, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
    const ana = await api.createMember('Ana', { role: 'admin' });
    expect((await list()).map((m) => m.name)).toEqual(['Ana', 'Zoé']);

    const away = await api.send('PATCH', `/api/v1/members/${zoe.id}`, { away: true, role: 'viewer' });
    expect(await away.json()).toMatchObject({ id: zoe.id, away: true, role: 'viewer', name: 'Zoé' });

    const deleted = await api.send('DELETE', `/api/v1/members/${ana.id}`);
    expect(deleted.status).toBe(200);
    expect((await list()).map((m) => m.name)).toEqual(['Zoé']);
    // Deleted is gone for good: not changeable, not deletable twice; its email is free again.
    await api.refused(api.send('PATCH', `/api/v1/members/${ana.id}`, { away: true }), 404);
    await api.refused(api.send('DELETE', `/api/v1/members/${ana.id}`), 404);
    await api.createMember('Ana');
  });

  it('keeps emails unique in the project (409 naming email), whatever their case', async () => {
    await api.createMember('Ana');
    const bo = await api.createMember('Bo');
    expect(await api.refused(api.send('POST', '/api/v1/members', { name: 'Ana 2', email: 'ANA@shop.example' }), 409)).toMatchObject({ code: 'member_exists', issues: [{ path: 'email' }] });
    expect(await api.refused(api.send('PATCH', `/api/v1/members/${bo.id}`, { email: 'ana@shop.example' }), 409)).toMatchObject({ issues: [{ path: 'email' }] });
  });

  it('refuses bad input by field, unknown ids with a 404, and another project’s members', async () => {
    const bad = await api.refused(api.send('POST', '/api/v1/members', { name: '', email: 'nope', role: 'owner', away: 'yes', extra: 1 }), 422);
    expect(bad.issues?.map((i) => i.path).sort()).toEqual(['away', 'email', 'extra', 'name', 'role']);
    expect((await api.refused(api.send('PATCH', '/api/v1/members/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', { away: true }), 404)).issues).toEqual([{ path: 'id', message: expect.any(String) }]);
    await api.refused(api.send('PATCH', '/api/v1/members/ana', { away: true }), 422);
    const ana = await api.createMember('Ana');
    await api.refused(api.send('PATCH', `/api/v1/members/${ana.id}`, {}), 422);
    await createProject(t.db.kysely, { name: 'b', publicKey: 'pk_b', secretKey: 'sk_b_secret', identitySecret: 'x', allowedOrigins: [] }, NOW);
    expect(await list('sk_b_secret')).toEqual([]);
    const foreign = await t.app.request(`/api/v1/members/${ana.id}`, { method: 'PATCH', headers: { Authorization: 'Bearer sk_b_secret', 'Content-Type': 'application/json' }, body: '{"away":true}' });
    expect(foreign.status).toBe(404);
  });

  it('keeps an email with a console login unique across projects, so a sign-in finds one member (409 naming email)', async () => {
    const other = await createProject(t.db.kysely, { name: 'b', publicKey: 'pk_b', secretKey: 'sk_b_secret', identitySecret: 'x', allowedOrigins: [] }, NOW);
    for (const name of ['Lu', 'Zed']) {
      await insertMember(t.db.kysely, other.id, { name, email: `${name.toLowerCase()}@shop.example`, role: 'admin', away: false }, NOW, 'scrypt$stored-hash');
    }
    // Without a login, the email of another project's login may be used…
    expect((await api.createMember('Lu')).email).toBe('lu@shop.example');
    // …but a member with a login may not take it.
    const bo = await insertMember(t.db.kysely, t.shop.project.id, { name: 'Bo', email: 'bo@shop.example', role: 'agent', away: false }, NOW, 'scrypt$other-hash');
    const taken = await api.refused(api.send('PATCH', `/api/v1/members/${bo?.id}`, { email: 'zed@shop.example' }), 409);
    expect(taken).toMatchObject({ code: 'member_exists', issues: [{ path: 'email' }] });
  });
});
