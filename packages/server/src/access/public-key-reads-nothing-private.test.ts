import { ErrorBody } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/test-app.js';
import { submission } from '../testing/fixtures.js';

/**
 * The promise: a project's public key (`pk_…`, printed in every page of the shop) opens nothing private. Every
 * management route is read off the app itself, so a route added later is tried too, and is sent the public key every
 * way a caller might try it: as a Bearer token, as the `project` query, in the body, as a cookie. Each answers 401
 * (or 403), never data.
 */

const ANY_ID = '0190b6a0-0000-7000-8000-000000000000';

describe('a public key reads nothing private', () => {
  const t = useTestApp();

  function managementRoutes() {
    const seen = new Set<string>();
    return t.app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
      .map((r) => ({ method: r.method, path: r.path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, ANY_ID) }));
  }

  it('every /api/v1 route answers 401 or 403 to it, however it is sent', async () => {
    // Something private to find, were the key let in.
    await t.app.request('/v1/responses', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://shop.example' }, body: JSON.stringify(submission()) });
    const routes = managementRoutes();
    expect(routes.length).toBeGreaterThan(40);

    const ways: [string, Record<string, string>, string][] = [
      ['Bearer', { Authorization: 'Bearer pk_shop' }, ''],
      ['Bearer with the scheme in another case', { Authorization: 'bearer pk_shop' }, ''],
      ['query', {}, '?project=pk_shop&key=pk_shop'],
      ['cookie', { Cookie: 'closeloop_session=pk_shop' }, ''],
      ['X-API-Key', { 'X-API-Key': 'pk_shop' }, ''],
    ];
    const answered: string[] = [];
    for (const { method, path } of routes) {
      // Signing in is the one route a stranger may call; it takes an email and password, which a key is not.
      if (method === 'POST' && path === '/api/v1/session') continue;
      for (const [how, headers, query] of ways) {
        const hasBody = method !== 'GET' && method !== 'HEAD';
        const res = await t.app.request(`${path}${query}`, {
          method,
          headers: { ...headers, ...(hasBody && { 'Content-Type': 'application/json' }) },
          ...(hasBody && { body: JSON.stringify({ project: 'pk_shop', key: 'pk_shop' }) }),
        });
        if (res.status !== 401 && res.status !== 403) answered.push(`${method} ${path} (${how}): ${res.status} ${await res.text()}`);
        else expect(ErrorBody.safeParse(await res.json()).success).toBe(true);
      }
    }
    expect(answered).toEqual([]);
  });

  it('signing in with the public key as the password gets nowhere either', async () => {
    const res = await t.app.request('/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer pk_shop' },
      body: JSON.stringify({ email: 'shop', password: 'pk_shop' }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});
