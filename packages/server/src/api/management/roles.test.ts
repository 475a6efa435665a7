import { randomUUID } from 'node:crypto';
import { CaseDetail, ErrorBody, FollowUp, FollowUpList } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { caseRequests } from '../../testing/case-requests.js';
import { signInAs } from '../../testing/console-login.js';
import type { SignedIn } from '../../testing/console-login.js';
import { useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';

/** Every management route that changes something, read off the app itself, so a route added later is checked too. */
function writeRoutes(app: ReturnType<typeof useTestApp>['app']): { method: string; path: string }[] {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.path.startsWith('/api/v1/') && !r.path.startsWith('/api/v1/session') && !['GET', 'ALL'].includes(r.method))
    .map((r) => ({ method: r.method, path: r.path.replace(/:\w+(\{[^}]*\})?/g, randomUUID()) }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

const forbidden = async (res: Response) => {
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(403);
  return ErrorBody.parse(body).error;
};

describe.each(testDialects)('console roles through the management API on $name', ({ open }) => {
  const t = useTestApp({}, open);
  const api = caseRequests(t);

  it('the route list covers every resource that changes things', () => {
    const paths = writeRoutes(t.app).map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, ':id')}`);
    for (const expected of ['PUT /api/v1/surveys/:id', 'POST /api/v1/webhooks', 'PATCH /api/v1/settings', 'POST /api/v1/members', 'PATCH /api/v1/follow-ups/:id', 'PUT /api/v1/integrations/slack']) {
      expect(paths).toContain(expected);
    }
  });

  it('every management route names the permission it needs (requirePermission in its handlers)', () => {
    const routes = t.app.routes.filter((r) => r.path.startsWith('/api/v1/') && !r.path.startsWith('/api/v1/session') && r.method !== 'ALL');
    const guarded = new Set(routes.filter((r) => r.handler.name === 'requirePermission').map((r) => `${r.method} ${r.path}`));
    const unguarded = [...new Set(routes.map((r) => `${r.method} ${r.path}`))].filter((route) => !guarded.has(route));
    expect(routes.length).toBeGreaterThan(30);
    expect(unguarded).toEqual([]);
  });

  it('a viewer reads everything and gets 403 on every write', async () => {
    const viewer = await signInAs(t, 'viewer');
    for (const path of ['/api/v1/follow-ups', '/api/v1/surveys', '/api/v1/members', '/api/v1/teams', '/api/v1/settings', '/api/v1/webhooks', '/api/v1/responses', '/api/v1/stats/follow-ups']) {
      expect((await viewer.send('GET', path)).status, path).toBe(200);
    }
    for (const { method, path } of writeRoutes(t.app)) {
      expect(await forbidden(await viewer.send(method, path, {})), `${method} ${path}`).toMatchObject({ code: 'forbidden', issues: [{ path: 'authorization' }] });
    }
  });

  it('an agent works cases (assign to self, note, resolve) and gets 403 on everything else that changes', async () => {
    const agent = await signInAs(t, 'agent');
    for (const { method, path } of writeRoutes(t.app)) {
      const res = await agent.send(method, path, {});
      if (path.startsWith('/api/v1/follow-ups/')) expect(res.status, `${method} ${path}`).not.toBe(403);
      else await forbidden(res);
    }
    const id = await api.openSurveyCase();
    const path = `/api/v1/follow-ups/${id}`;
    const ok = async (res: Response, status: number) => {
      expect(res.status, await res.clone().text()).toBe(status);
      return FollowUp.parse(await res.json());
    };
    await ok(await agent.send('PATCH', path, { assigneeId: agent.member.id, version: 1 }), 200);
    await ok(await agent.send('POST', `${path}/notes`, { body: 'Called the customer', kind: 'contact' }), 201);
    const resolved = await ok(await agent.send('POST', `${path}/resolve`, { resolution: 'explained', summary: 'Explained the delay' }), 200);
    expect(resolved.status).toBe('resolved');

    // The timeline names the member who did it.
    const detail = CaseDetail.parse(await (await agent.send('GET', path)).json());
    const byAgent = detail.timeline.filter((e) => e.actor.kind === 'member');
    expect(byAgent.map((e) => e.type)).toEqual(expect.arrayContaining(['assigned', 'contacted', 'resolved']));
    for (const event of byAgent) expect(event.actor).toEqual({ kind: 'member', memberId: agent.member.id });

    // The named examples of the brief, spelled out.
    expect((await agent.send('PUT', '/api/v1/surveys/nps', {})).status).toBe(403);
    expect((await agent.send('POST', '/api/v1/webhooks', { url: 'https://hooks.example/x', events: ['follow_up.opened'] })).status).toBe(403);
    expect((await agent.send('PATCH', '/api/v1/settings', { rootCauses: [] })).status).toBe(403);
    expect((await agent.send('POST', '/api/v1/members', { name: 'Eve', email: 'eve@shop.example', role: 'admin' })).status).toBe(403);
  });

  it('an admin may change settings and members through a session, like the key', async () => {
    const admin = await signInAs(t, 'admin');
    expect((await admin.send('POST', '/api/v1/members', { name: 'Eve', email: 'eve@shop.example' })).status).toBe(201);
    expect((await admin.send('GET', '/api/v1/members')).status).toBe(200);
  });

  it('a change by cookie without the CSRF token is a 403 csrf_failed; reads need none; a key needs none', async () => {
    const admin: SignedIn = await signInAs(t, 'admin');
    const bare = (method: string, token?: string) =>
      t.app.request('/api/v1/members', {
        method,
        headers: { Cookie: admin.cookie, 'Content-Type': 'application/json', ...(token !== undefined && { 'X-CSRF-Token': token }) },
        ...(method !== 'GET' && { body: JSON.stringify({ name: 'Mallory', email: 'mallory@shop.example' }) }),
      });
    for (const token of [undefined, '', 'x'.repeat(43), admin.session.csrfToken.slice(1)]) {
      const error = ErrorBody.parse(await (await bare('POST', token)).json()).error;
      expect(error).toMatchObject({ code: 'csrf_failed', issues: [{ path: 'x-csrf-token' }] });
    }
    expect((await bare('GET')).status).toBe(200);
    expect((await api.send('POST', '/api/v1/members', { name: 'Keyed', email: 'keyed@shop.example' })).status).toBe(201);
  });

  it('assignee=me lists the signed-in member’s cases; for a key it is a 422 naming assignee', async () => {
    const agent = await signInAs(t, 'agent');
    const mine = await api.openSurveyCase();
    await api.openSurveyCase();
    await api.change('PATCH', `/api/v1/follow-ups/${mine}`, { assigneeId: agent.member.id, version: 1 });
    const list = FollowUpList.parse(await (await agent.send('GET', '/api/v1/follow-ups?assignee=me')).json());
    expect(list.data.map((c) => c.id)).toEqual([mine]);
    const keyed = await api.refused(t.app.request('/api/v1/follow-ups?assignee=me', { headers: api.auth() }), 422);
    expect(keyed.issues?.[0]?.path).toBe('assignee');
  });

  it('a role change applies to open sessions at once', async () => {
    const agent = await signInAs(t, 'agent');
    expect((await agent.send('GET', '/api/v1/members')).status).toBe(200);
    expect((await api.send('PATCH', `/api/v1/members/${agent.member.id}`, { role: 'viewer' })).status).toBe(200);
    const id = await api.openSurveyCase();
    expect((await agent.send('PATCH', `/api/v1/follow-ups/${id}`, { priority: 'high', version: 1 })).status).toBe(403);
  });
});
