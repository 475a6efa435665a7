import { ErrorBody } from '@closeloop/sdk/schemas';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../app.js';
import { signInAs } from '../testing/console-login.js';
import type { SignedIn } from '../testing/console-login.js';
import { feedbackSubmission, submission } from '../testing/fixtures.js';
import { post, useTestApp } from '../testing/test-app.js';
import { testDialects } from '../testing/test-dbs.js';

/**
 * Random and malformed requests at every public and management route, read off the app itself so a route added
 * later is thrown at too. Whatever arrives, the server answers below 500, and every 4xx is the contract's
 * `{ error: { code, message } }` in JSON. Each request goes in as every kind of caller (none, public key, secret
 * key, console session) so it reaches past authentication into the parsing a stranger can also reach.
 */

interface Route {
  method: string;
  path: string;
}

function apiRoutes(app: ReturnType<typeof createApp>): Route[] {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => (r.path.startsWith('/v1/') || r.path.startsWith('/api/v1/')) && r.method !== 'ALL')
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
    .map((r) => ({ method: r.method, path: r.path }));
}

/** Printable ASCII: what a header value may hold at all (the Headers class refuses the rest before the server sees it). */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 });

/** Text with the characters that break naive parsers: percent signs, quotes, brackets, NUL, non-BMP. */
const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('%', '%E0%A4%A', '%00', 'nul\u0000', '\u0000', '%ff', '../..', '[object Object]', '__proto__', 'constructor', '-1', '1e999', 'NaN', '9'.repeat(40), ' ', ''),
);

// A valid answer or feedback with one field (top level or one down) swapped for anything: gets past the shape
// check into the ingest logic.
const mutatedSubmission = fc
  .record({ feedback: fc.boolean(), key: fc.constantFrom('id', 'project', 'surveyId', 'answers', 'respondent', 'context', 'answeredAt', 'finished', 'category', 'comment'), inner: fc.option(nastyText, { nil: undefined, freq: 2 }), value: fc.oneof(nastyText, fc.jsonValue({ maxDepth: 2 })) })
  .map(({ feedback, key, inner, value }) => {
    const base: Record<string, unknown> = { ...(feedback ? feedbackSubmission() : submission()) };
    base[key] = inner === undefined ? value : { ...(typeof base[key] === 'object' ? base[key] : {}), [inner]: value };
    return JSON.stringify(base);
  });

const body = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  // A schema-shaped object with the wrong things in it: the fields routes read, random values.
  fc
    .dictionary(
      fc.constantFrom('id', 'project', 'surveyId', 'answers', 'respondent', 'context', 'answeredAt', 'finished', 'version', 'status', 'assigneeId', 'body', 'kind', 'resolution', 'summary', 'url', 'events', 'email', 'password', 'role', 'name', 'questions', 'ids', 'category', 'comment', 'userId', 'signature', 'teamId', 'allowedOrigins'),
      fc.jsonValue({ maxDepth: 3 }),
    )
    .map((o) => JSON.stringify(o)),
  mutatedSubmission,
  fc.integer({ min: 1, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 1, max: 5_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.constantFrom('', 'null', 'true', '0', '"x"', '[]', '{}', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{}}}', '\u0000', '{', '\uFEFF{}'),
);

const contentType = fc.option(fc.oneof(fc.constantFrom('application/json', 'text/plain;charset=UTF-8', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'text/csv'), headerText), { nil: undefined });

const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom('limit', 'cursor', 'status', 'from', 'to', 'q', 'surveyId', 'assigneeId', 'project', 'userId', 'signature', 'format', 'sort', 'unread', 'score', 'period', 'since'), nastyText), nastyText), { maxLength: 4 });

const caller = fc.constantFrom('none', 'public', 'secret', 'session', 'garbage');

const otherHeaders = fc.record(
  { origin: fc.oneof(fc.constant('https://shop.example'), headerText), 'if-match': headerText, 'last-event-id': headerText, 'x-forwarded-for': headerText, accept: headerText },
  { requiredKeys: [] },
);

describe.each(testDialects)('hostile input at every public and management route on $name', ({ open }) => {
  const streams = new AbortController();
  const t = useTestApp({ eventStream: { signal: streams.signal, pollMs: 60_000, pingMs: 60_000 } }, open);
  let admin: SignedIn;
  let caseId: string;
  let memberId: string;
  beforeEach(async () => {
    const signedIn = await signInAs(t, 'admin');
    admin = signedIn;
    memberId = signedIn.member.id;
    const opened = (await (await post(t.app, '/v1/responses', submission(), { Origin: 'https://shop.example' })).json()) as { followUpId: string };
    caseId = opened.followUpId;
  });
  afterEach(() => streams.abort());

  it('reads a route list that covers both surfaces', () => {
    const routes = apiRoutes(t.app).map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(expect.arrayContaining(['POST /v1/responses', 'POST /v1/feedback', 'PATCH /api/v1/follow-ups/:id', 'POST /api/v1/webhooks']));
    expect(routes.length).toBeGreaterThan(40);
  });

  it('the ingest routes never answer 5xx to a valid body with one field swapped for anything', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedSubmission, async (text) => {
        const path = 'category' in (JSON.parse(text) as object) ? '/v1/feedback' : '/v1/responses';
        const res = await post(t.app, path, text, { Origin: 'https://shop.example' });
        if (res.status >= 500) expect.fail(`${path} ${text} answered ${res.status}: ${await res.text()}`);
        if (res.status >= 400) expect(ErrorBody.safeParse(await res.json()).success, text).toBe(true);
      }),
      { numRuns: 500, endOnFailure: true },
    );
  });

  it('refuses NUL in a body, a query or a path with a 422 naming the field (PostgreSQL text cannot hold it)', async () => {
    const origin = { Origin: 'https://shop.example' };
    const issueOf = async (res: Response) => {
      expect(res.status, await res.clone().text()).toBe(422);
      return ErrorBody.parse(await res.json()).error.issues?.[0]?.path;
    };
    expect(await issueOf(await post(t.app, '/v1/feedback', feedbackSubmission({ comment: 'a\u0000b' }), origin))).toBe('comment');
    expect(await issueOf(await post(t.app, '/v1/responses', submission({ respondent: { anonymousId: 'x\u0000' } }), origin))).toBe('respondent.anonymousId');
    const bySecret = { headers: { authorization: `Bearer ${t.shop.secretKey}` } };
    expect(await issueOf(await t.app.request('/api/v1/follow-ups?q=a%00b', bySecret))).toBe('q');
    expect(await issueOf(await t.app.request('/api/v1/follow-ups/a%00b', bySecret))).toBe('(path)');
  });

  it('never answers 5xx, and every 4xx is the JSON error shape', { timeout: 120_000 }, async () => {
    const routes = apiRoutes(t.app);
    const param = fc.oneof(fc.constantFrom(caseId, 'nps', memberId, 'anon-1'), fc.uuid(), nastyText.filter((s) => s !== '' && !s.includes('/')));
    const request = fc.record({ route: fc.constantFrom(...routes), params: fc.array(param, { minLength: 3, maxLength: 3 }), query, body, contentType, caller, headers: otherHeaders });

    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        let i = 0;
        const path = r.route.path.replace(/:\w+(\{[^}]*\})?/g, () => encodeURIComponent(r.params[i++ % 3] ?? 'x'));
        const qs = r.query.map(([k, v]) => `${encodeURIComponent(k)}=${Math.random() < 0.2 ? v.replaceAll(/[^\x21-\x7e]/g, '') : encodeURIComponent(v)}`).join('&');
        const headers: Record<string, string> = { ...r.headers };
        if (r.contentType !== undefined) headers['content-type'] = r.contentType;
        if (r.caller === 'public') headers.authorization = 'Bearer pk_shop';
        if (r.caller === 'secret') headers.authorization = `Bearer ${t.shop.secretKey}`;
        if (r.caller === 'garbage') headers.authorization = 'Bearer sk_%00\u007f';
        if (r.caller === 'session') Object.assign(headers, { cookie: admin.cookie, 'x-csrf-token': admin.session.csrfToken });
        const hasBody = r.route.method !== 'GET' && r.route.method !== 'HEAD';
        const res = await t.app.request(`${path}${qs ? `?${qs}` : ''}`, { method: r.route.method, headers, ...(hasBody && { body: r.body }) });
        const what = `${r.route.method} ${path}?${qs} as ${r.caller}`;
        // Read the body only on failure: a 200 from /api/v1/events is an endless stream.
        if (res.status >= 500) expect.fail(`${what} answered ${res.status}: ${await res.text()}`);
        if (res.status >= 400) {
          expect(res.headers.get('content-type'), what).toMatch(/^application\/json/);
          expect(ErrorBody.safeParse(await res.json()).success, what).toBe(true);
        } else {
          await res.body?.cancel();
        }
      }),
      // No shrinking: the first counterexample already names route, caller and body; shrinking deep bodies takes minutes.
      { numRuns: 1500, endOnFailure: true },
    );
  });
});
