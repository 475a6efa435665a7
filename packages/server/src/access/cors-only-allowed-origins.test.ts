import { signIdentity } from '@closeloop/sdk/node';
import { ErrorBody } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { feedbackSubmission, seedProject, submission } from '../testing/fixtures.js';
import { useTestApp } from '../testing/test-app.js';
import type { TestApp } from '../testing/test-app.js';

/**
 * The promise: a page may call the public API only from an origin its project lists. Every `/v1` route is read off
 * the app (a route added without a case here fails the first test), called from the allowed origin (CORS headers
 * echo it) and from others (403 naming `origin`, no CORS headers, nothing stored). The management API answers no
 * cross-origin page at all.
 */

const MESSAGE_ID = '0190b6a0-0000-7000-8000-000000000000';
const identity = { project: 'pk_shop', user: 'user-42', signature: signIdentity('shop-identity', 'user-42') };

/** One valid call per public route, for the project `project`. */
const calls: Record<string, (project: string) => { path: string; init?: RequestInit }> = {
  'GET /v1/config': (project) => ({ path: `/v1/config?project=${project}` }),
  'POST /v1/responses': (project) => ({ path: '/v1/responses', init: { method: 'POST', body: JSON.stringify(submission({ project })) } }),
  'POST /v1/feedback': (project) => ({ path: '/v1/feedback', init: { method: 'POST', body: JSON.stringify(feedbackSubmission({ project })) } }),
  'GET /v1/messages': (project) => ({ path: `/v1/messages?${new URLSearchParams({ ...identity, project })}` }),
  'POST /v1/messages/:id/seen': (project) => ({ path: `/v1/messages/${MESSAGE_ID}/seen`, init: { method: 'POST', body: JSON.stringify({ ...identity, project }) } }),
};

function call(t: TestApp, route: string, origin: string, project = 'pk_shop') {
  const { path, init = {} } = calls[route]!(project);
  return t.app.request(path, { ...init, headers: { Origin: origin, ...(init.body !== undefined && { 'Content-Type': 'text/plain;charset=UTF-8' }) } });
}

const stored = async (t: TestApp) => {
  const count = async (table: 'responses' | 'feedback') => Number((await t.db.kysely.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return (await count('responses')) + (await count('feedback'));
};

describe('CORS answers only the project’s allowed origins', () => {
  const t = useTestApp();

  it('covers every public route', () => {
    const routes = [...new Set(t.app.routes.filter((r) => r.path.startsWith('/v1/') && r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
    expect(routes.sort()).toEqual(Object.keys(calls).sort());
  });

  it.each(Object.keys(calls))('%s: the allowed origin gets its CORS headers', async (route) => {
    const res = await call(t, route, 'https://shop.example');
    expect(res.status, await res.clone().text()).toBeLessThan(500);
    expect(res.status).not.toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });

  it.each(Object.keys(calls))('%s: any other origin gets a 403 naming origin, no CORS headers, and nothing is stored', async (route) => {
    for (const origin of ['https://evil.example', 'https://shop.example.evil.example', 'http://shop.example', 'null', 'https://other.example']) {
      const res = await call(t, route, origin);
      expect(res.status, `${origin}: ${await res.clone().text()}`).toBe(403);
      expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: 'origin_not_allowed', issues: [{ path: 'origin' }] });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(await stored(t)).toBe(0);
  });

  it("an origin allowed for one project opens no other project's API", async () => {
    await seedProject(t.db, 'other', ['https://other.example']);
    const res = await call(t, 'POST /v1/responses', 'https://shop.example', 'pk_other');
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a preflight from an origin the project does not list is refused at once', async () => {
    const res = await t.app.request('/v1/config?project=pk_shop', { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the management API gives no page CORS headers, whatever its origin', async () => {
    for (const origin of ['https://shop.example', 'https://evil.example']) {
      const read = await t.app.request('/api/v1/surveys', { headers: { Origin: origin, Authorization: `Bearer ${t.shop.secretKey}` } });
      expect(read.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await t.app.request('/api/v1/surveys', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});
