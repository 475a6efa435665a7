import { ErrorBody } from '@closeloop/sdk/schemas';
import { beforeEach, describe, expect, it } from 'vitest';
import { signInAs } from '../../testing/console-login.js';
import { seedProject, submission } from '../../testing/fixtures.js';
import type { SeededProject } from '../../testing/fixtures.js';
import { useTestApp } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';

// The limits under test are tiny (2 or 5 per second, bursts of 20 or 50) and the clock is stepped by hand, so
// "the window" passes without waiting.
let clock = 0;
const rateLimitClock = () => clock;
beforeEach(() => {
  clock = 0;
});

/** A request as it arrives from `address`: @hono/node-server hands the socket to the app in its env. */
function from(t: TestApp, address: string, path: string, init: RequestInit = {}) {
  return t.app.request(path, init, { incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: address.includes(':') ? 'IPv6' : 'IPv4' } } });
}

function answer(project = 'pk_shop'): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://shop.example' }, body: JSON.stringify(submission({ project })) };
}

async function statuses(send: () => Response | Promise<Response>, times: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < times; i++) seen.push((await send()).status);
  return seen;
}

async function expectLimited(res: Response, limit: string, retryAfter = '1') {
  expect(res.status, await res.clone().text()).toBe(429);
  expect(res.headers.get('retry-after')).toBe(retryAfter);
  const { error } = ErrorBody.parse(await res.json());
  expect(error).toMatchObject({ code: 'rate_limited', limit });
  expect(error.message).toContain(`retry in ${retryAfter} s`);
}

describe('rate limit per client address on /v1', () => {
  const t = useTestApp({ rateLimits: { address: 2, project: 0, key: 0 }, rateLimitClock });
  const config = '/v1/config?project=pk_shop';

  it('lets a burst of ten seconds’ worth through, then answers 429 naming the address limit, readable by the page', async () => {
    expect(await statuses(() => from(t, '203.0.113.7', config), 20)).toEqual(Array(20).fill(200));
    const refused = await from(t, '203.0.113.7', config, { headers: { Origin: 'https://shop.example' } });
    expect(refused.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    await expectLimited(refused, 'address');
    // Answers count too: the limit is per address, whatever the route.
    await expectLimited(await from(t, '203.0.113.7', '/v1/responses', answer()), 'address');
  });

  it('recovers as the window passes: one more request per half second at 2/s', async () => {
    await statuses(() => from(t, '203.0.113.7', config), 21);
    clock += 499;
    await expectLimited(await from(t, '203.0.113.7', config), 'address');
    clock += 1;
    expect((await from(t, '203.0.113.7', config)).status).toBe(200);
    await expectLimited(await from(t, '203.0.113.7', config), 'address');
    clock += 10_000;
    expect(await statuses(() => from(t, '203.0.113.7', config), 20)).toEqual(Array(20).fill(200));
  });

  it('one address’s flood does not limit another address', async () => {
    await statuses(() => from(t, '203.0.113.7', config), 30);
    expect((await from(t, '203.0.113.8', config)).status).toBe(200);
    expect((await from(t, '203.0.113.8', '/v1/responses', answer())).status).toBe(201);
    expect((await from(t, '2001:db8::1', config)).status).toBe(200);
  });

  it('counts an IPv6 client by its /64, which one machine may walk through at will', async () => {
    for (let i = 0; i < 20; i++) expect((await from(t, `2001:db8:0:1::${i.toString(16)}`, config)).status).toBe(200);
    await expectLimited(await from(t, '2001:db8:0:1:ffff:ffff:ffff:ffff', config), 'address');
    expect((await from(t, '2001:db8:0:2::1', config)).status).toBe(200);
  });
});

describe('rate limit per client address behind a trusted reverse proxy (--trust-proxy 1)', () => {
  const t = useTestApp({ rateLimits: { address: 2, project: 0, key: 0 }, rateLimitClock, trustedProxies: 1 });
  const config = '/v1/config?project=pk_shop';
  const via = (forwardedFor: string) => from(t, '10.0.0.2', config, { headers: { 'X-Forwarded-For': forwardedFor } });

  it('counts each visitor by the address the proxy appended, so visitors sharing the proxy do not share a limit', async () => {
    expect(await statuses(() => via('203.0.113.7'), 20)).toEqual(Array(20).fill(200));
    await expectLimited(await via('203.0.113.7'), 'address');
    expect((await via('203.0.113.8')).status).toBe(200);
  });

  it('a visitor who writes their own X-Forwarded-For still counts as the address the proxy saw', async () => {
    expect(await statuses(() => via(`192.0.2.${Math.floor(Math.random() * 250)}, 203.0.113.7`), 20)).toEqual(Array(20).fill(200));
    await expectLimited(await via('192.0.2.251, 203.0.113.7'), 'address');
  });
});

describe('rate limit per client address with no trusted proxy (the default)', () => {
  const t = useTestApp({ rateLimits: { address: 2, project: 0, key: 0 }, rateLimitClock });

  it('ignores X-Forwarded-For: a client cannot dodge its limit by writing another address there', async () => {
    const spoofed = (i: number) => from(t, '203.0.113.7', '/v1/config?project=pk_shop', { headers: { 'X-Forwarded-For': `192.0.2.${i}` } });
    for (let i = 0; i < 20; i++) expect((await spoofed(i)).status).toBe(200);
    await expectLimited(await spoofed(99), 'address');
  });
});

describe('rate limit per project on /v1', () => {
  const t = useTestApp({ rateLimits: { address: 0, project: 5, key: 0 }, rateLimitClock });
  let other: SeededProject;
  beforeEach(async () => {
    other = await seedProject(t.db, 'other', ['https://shop.example']);
  });

  it('a flood of one project’s answers is refused with 429 naming the project limit; another project’s go through', async () => {
    expect(await statuses(() => t.app.request('/v1/responses', answer()), 50)).toEqual(Array(50).fill(201));
    await expectLimited(await t.app.request('/v1/responses', answer()), 'project');
    await expectLimited(await t.app.request('/v1/config?project=pk_shop'), 'project');
    expect((await t.app.request('/v1/responses', answer(other.project.publicKey))).status).toBe(201);
    expect((await t.app.request(`/v1/config?project=${other.project.publicKey}`)).status).toBe(200);
  });

  it('takes answers again once the window passes, and a refused answer was not stored (the client retries it)', async () => {
    await statuses(() => t.app.request('/v1/responses', answer()), 50);
    const refused = answer();
    await expectLimited(await t.app.request('/v1/responses', refused), 'project');
    clock += 200;
    expect((await t.app.request('/v1/responses', refused)).status).toBe(201);
  });
});

describe('rate limit per key on /api/v1', () => {
  const t = useTestApp({ rateLimits: { address: 0, project: 0, key: 2 }, rateLimitClock });
  const bearer = (key: string) => ({ headers: { Authorization: `Bearer ${key}` } });

  it('a secret key’s flood is refused with 429 naming the key limit; another project’s key and a console login are not', async () => {
    const other = await seedProject(t.db, 'other');
    const admin = await signInAs(t, 'admin');
    expect(await statuses(() => t.app.request('/api/v1/surveys', bearer(t.shop.secretKey)), 20)).toEqual(Array(20).fill(200));
    await expectLimited(await t.app.request('/api/v1/surveys', bearer(t.shop.secretKey)), 'key');
    expect((await t.app.request('/api/v1/surveys', bearer(other.secretKey))).status).toBe(200);
    expect((await admin.send('GET', '/api/v1/surveys')).status).toBe(200);
    clock += 500;
    expect((await t.app.request('/api/v1/surveys', bearer(t.shop.secretKey))).status).toBe(200);
  });

  it('counts a console member across requests, and never charges a request that fails authentication', async () => {
    const admin = await signInAs(t, 'admin');
    expect(await statuses(() => t.app.request('/api/v1/surveys', bearer('sk_made_up')), 30)).toEqual(Array(30).fill(401));
    expect(await statuses(() => admin.send('GET', '/api/v1/surveys'), 20)).toEqual(Array(20).fill(200));
    await expectLimited(await admin.send('GET', '/api/v1/surveys'), 'key');
  });
});
