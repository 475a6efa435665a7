import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../app-env.js';
import { notFound, onError } from '../../http/error-handler.js';
import { HttpError } from '../../http/http-error.js';
import { NOW } from '../../testing/fixtures.js';
import { openSqliteTestDb } from '../../testing/test-dbs.js';
import { checkOrigin, publicCors } from './index.js';
import { originAllowed } from './origin-allowed.js';
import { createProject } from '../../repos/projects.js';

const { db } = await openSqliteTestDb();
const strict = await createProject(db.kysely, 
  { name: 's', publicKey: 'pk_strict', secretKey: 'sk_s', identitySecret: 'x', allowedOrigins: ['https://a.example/'] },
  NOW,
);
const open = await createProject(db.kysely, { name: 'o', publicKey: 'pk_open', secretKey: 'sk_o', identitySecret: 'x', allowedOrigins: ['*'] }, NOW);

function app() {
  const a = new Hono<AppEnv>();
  a.onError(onError);
  a.notFound(notFound);
  a.use('/v1/*', publicCors({ db }));
  a.get('/v1/strict', (c) => (checkOrigin(c, strict), c.json({ ok: true })));
  a.get('/v1/open', (c) => (checkOrigin(c, open), c.json({ ok: true })));
  a.get('/v1/fails-early', () => {
    throw HttpError.field(400, 'invalid_request', 'project', 'missing');
  });
  return a;
}

describe('publicCors', () => {
  it('adds CORS headers for an allowed origin, matching case-insensitively and forgiving a trailing slash', async () => {
    const res = await app().request('/v1/strict', { headers: { Origin: 'https://A.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://A.example');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('403 naming origin, with no CORS headers, for an origin not listed', async () => {
    const res = await app().request('/v1/strict', { headers: { Origin: 'https://b.example' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'origin_not_allowed', issues: [{ path: 'origin' }] } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows any origin, even the opaque null, with *', async () => {
    for (const origin of ['https://b.example', 'null']) {
      const res = await app().request('/v1/open', { headers: { Origin: origin } });
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    }
  });

  it('lets requests without an Origin through (servers, curl)', async () => {
    const res = await app().request('/v1/strict');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('makes errors raised before the project is known readable by the page', async () => {
    const res = await app().request('/v1/fails-early', { headers: { Origin: 'https://b.example' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://b.example');
  });

  it('answers preflights, refusing at once an origin the queried project does not allow', async () => {
    const ok = await app().request('/v1/strict?project=pk_strict', { method: 'OPTIONS', headers: { Origin: 'https://a.example' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-max-age')).toBe('86400');
    const refused = await app().request('/v1/strict?project=pk_strict', { method: 'OPTIONS', headers: { Origin: 'https://b.example' } });
    expect(refused.status).toBe(403);
  });
});

describe('originAllowed', () => {
  it('compares exactly apart from case and a trailing slash', () => {
    expect(originAllowed(['https://a.example'], 'https://a.example')).toBe(true);
    expect(originAllowed(['https://a.example'], 'https://a.example.evil')).toBe(false);
    expect(originAllowed(['https://a.example'], 'http://a.example')).toBe(false);
    expect(originAllowed([], 'https://a.example')).toBe(false);
  });
});
