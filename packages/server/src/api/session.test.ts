import { ConsoleSession, ErrorBody } from '@closeloop/sdk/schemas';
import { describe, expect, it, vi } from 'vitest';
import { NOW } from '../testing/fixtures.js';
import { addLogin, signIn, signInAs } from '../testing/console-login.js';
import { useTestApp } from '../testing/test-app.js';
import { testDialects } from '../testing/test-dbs.js';

// Every sign-in runs scrypt (32 MiB, tens of milliseconds alone; far more on a machine shared with other test runs).
vi.setConfig({ testTimeout: 20_000 });

describe.each(testDialects)('console sessions on $name', ({ open }) => {
  let clock = NOW;
  const t = useTestApp({ now: () => clock }, open);
  const login = (body: unknown, env?: object, headers: Record<string, string> = {}) =>
    t.app.request('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }, env);
  const fromAddress = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });
  const errorOf = async (res: Response) => ErrorBody.parse(await res.json()).error;

  it('signs in with email and password: the session, an HttpOnly SameSite=Lax cookie, and the same session read back', async () => {
    clock = NOW;
    const admin = await addLogin(t, 'admin');
    const res = await login({ email: 'ADMIN@shop.example', password: 'pw-admin' });
    expect(res.status).toBe(200);
    const session = ConsoleSession.parse(await res.json());
    expect(session).toEqual({
      user: { id: admin.id, name: 'The admin', email: 'admin@shop.example', role: 'admin' },
      project: { id: t.shop.project.id, name: 'shop', publicKey: 'pk_shop' },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
      expiresAt: new Date(NOW.getTime() + 12 * 3600_000).toISOString(),
    });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^closeloop_session=[\w-]{43}; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/);
    // Only a hash of the token is stored.
    const token = /closeloop_session=([^;]+)/.exec(setCookie)?.[1] ?? '';
    const stored = await t.db.kysely.selectFrom('sessions').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toBe(token);

    const again = await t.app.request('/api/v1/session', { headers: { Cookie: `closeloop_session=${token}` } });
    expect(again.status).toBe(200);
    expect(ConsoleSession.parse(await again.json())).toEqual(session);
  });

  it('marks the cookie Secure when the request came over https', async () => {
    await addLogin(t, 'agent');
    const res = await t.app.request('https://closeloop.example/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'agent@shop.example', password: 'pw-agent' }) });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    const proxied = await login({ email: 'agent@shop.example', password: 'pw-agent' }, undefined, { 'X-Forwarded-Proto': 'https' });
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('answers one 401 invalid_credentials for a wrong password and an unknown email, and 422 naming bad fields', async () => {
    await addLogin(t, 'admin');
    for (const body of [{ email: 'admin@shop.example', password: 'wrong' }, { email: 'nobody@shop.example', password: 'pw-admin' }]) {
      const res = await login(body);
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await errorOf(res)).toEqual({ code: 'invalid_credentials', message: 'Wrong email or password', requestId: expect.any(String) });
    }
    const bad = await login({ email: 'not-an-email', password: '' });
    expect(bad.status).toBe(422);
    expect((await errorOf(bad)).issues?.map((i) => i.path)).toEqual(['email', 'password']);
    const form = await t.app.request('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ email: 'admin@shop.example', password: 'pw-admin' }) });
    expect(form.status).toBe(415);
  });

  it('a member without a login, or deleted, cannot sign in; a deleted member’s open session stops working', async () => {
    clock = NOW;
    await t.app.request('/api/v1/members', { method: 'POST', headers: { Authorization: `Bearer ${t.shop.secretKey}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'No login', email: 'plain@shop.example' }) });
    expect((await login({ email: 'plain@shop.example', password: '' + 'x' })).status).toBe(401);

    const agent = await signInAs(t, 'agent');
    expect((await agent.send('GET', '/api/v1/follow-ups')).status).toBe(200);
    const del = await t.app.request(`/api/v1/members/${agent.member.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${t.shop.secretKey}` } });
    expect(del.status).toBe(200);
    const after = await agent.send('GET', '/api/v1/follow-ups');
    expect(after.status).toBe(401);
    expect(await errorOf(after)).toMatchObject({ code: 'unauthorized', issues: [{ path: 'session' }] });
    expect((await t.app.request('/api/v1/session', { headers: { Cookie: agent.cookie } })).status).toBe(401);
    expect((await login({ email: 'agent@shop.example', password: 'pw-agent' })).status).toBe(401);
  });

  it('logout ends the session server-side: the old cookie then gets 401, and logout needs the CSRF token', async () => {
    clock = NOW;
    const viewer = await signInAs(t, 'viewer');
    const noToken = await t.app.request('/api/v1/session', { method: 'DELETE', headers: { Cookie: viewer.cookie } });
    expect(noToken.status).toBe(403);
    expect(await errorOf(noToken)).toMatchObject({ code: 'csrf_failed' });

    const out = await viewer.send('DELETE', '/api/v1/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^closeloop_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax/);
    expect((await t.app.request('/api/v1/session', { headers: { Cookie: viewer.cookie } })).status).toBe(401);
    expect((await viewer.send('GET', '/api/v1/follow-ups')).status).toBe(401);
    expect(await t.db.kysely.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('expires after 12 hours unused, slides with use, and ends after 7 days whatever the use', async () => {
    clock = NOW;
    const agent = await signInAs(t, 'agent');
    const at = (hours: number) => new Date(NOW.getTime() + hours * 3600_000);
    // Used every 11 hours, it lives on…
    for (const hours of [11, 22, 33]) {
      clock = at(hours);
      const res = await agent.send('GET', '/api/v1/session');
      expect(res.status, `at ${hours} h`).toBe(200);
      expect(ConsoleSession.parse(await res.json()).expiresAt).toBe(at(hours + 12).toISOString());
    }
    // …but not past 7 days.
    for (let hours = 44; hours < 168; hours += 11) {
      clock = at(hours);
      expect((await agent.send('GET', '/api/v1/follow-ups')).status, `at ${hours} h`).toBe(200);
    }
    clock = at(168);
    expect((await agent.send('GET', '/api/v1/follow-ups')).status).toBe(401);

    clock = NOW;
    const idle = await signIn(t, 'agent@shop.example', 'pw-agent');
    clock = at(12);
    expect((await idle.send('GET', '/api/v1/follow-ups')).status).toBe(401);
  });

  it('limits failures: the 6th try for an email within 15 minutes is a 429 with Retry-After, even with the right password', async () => {
    clock = NOW;
    await addLogin(t, 'admin');
    for (let i = 0; i < 5; i++) {
      clock = new Date(NOW.getTime() + i * 60_000);
      expect((await login({ email: 'admin@shop.example', password: `guess-${i}` })).status).toBe(401);
    }
    clock = new Date(NOW.getTime() + 5 * 60_000);
    const limited = await login({ email: 'admin@shop.example', password: 'pw-admin' });
    expect(limited.status).toBe(429);
    // The first failure (at NOW) leaves the window at NOW + 15 min: 10 minutes from here.
    expect(limited.headers.get('retry-after')).toBe('600');
    expect(await errorOf(limited)).toMatchObject({ code: 'too_many_attempts' });
    clock = new Date(NOW.getTime() + 15 * 60_000 + 1);
    expect((await login({ email: 'admin@shop.example', password: 'pw-admin' })).status).toBe(200);
    // Several scrypt checks: seconds on a busy machine.
  }, 30_000);

  it('limits failures per address: 20 within 15 minutes, whatever the emails', async () => {
    clock = NOW;
    await addLogin(t, 'admin');
    for (let i = 0; i < 20; i++) expect((await login({ email: `nobody-${i}@shop.example`, password: 'x' }, fromAddress('203.0.113.9'))).status).toBe(401);
    const limited = await login({ email: 'admin@shop.example', password: 'pw-admin' }, fromAddress('203.0.113.9'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(900);
    // Another address is not held up.
    expect((await login({ email: 'admin@shop.example', password: 'pw-admin' }, fromAddress('198.51.100.1'))).status).toBe(200);
    // Twenty scrypt checks: seconds on a busy machine.
  }, 60_000);

  it('a burst of parallel guesses cannot get past the limit while the password checks run', async () => {
    clock = NOW;
    await addLogin(t, 'admin');
    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => login({ email: 'admin@shop.example', password: `guess-${i}` })));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
  }, 30_000);

  it('GET without a cookie, or with an unknown one, is a 401', async () => {
    expect((await t.app.request('/api/v1/session')).status).toBe(401);
    for (const cookie of ['closeloop_session=forged', 'closeloop_session=%E0%A4%A', 'closeloop_session=']) {
      expect((await t.app.request('/api/v1/session', { headers: { Cookie: cookie } })).status, cookie).toBe(401);
      expect((await t.app.request('/api/v1/follow-ups', { headers: { Cookie: cookie } })).status, cookie).toBe(401);
    }
  });
});
