import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { makeTempDir } from '../../testing/temp-dir.js';
import { openSqliteTestDb } from '../../testing/test-dbs.js';

const INDEX = '<!doctype html><div id="app"></div><script type="module" src="/console/assets/index-C9x_aQ3z.js"></script>';
const root = makeTempDir({
  'dist/index.html': INDEX,
  'dist/assets/index-C9x_aQ3z.js': 'console.log("console")',
  'dist/assets/index-Dd81kq_2.css': 'body{}',
  'dist/favicon.svg': '<svg/>',
  'dist/.env': 'SECRET=1',
  'secret.txt': 'outside',
  'unbuilt/README.md': 'no dist yet',
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const { db } = await openSqliteTestDb();
afterAll(() => db.destroy());
const app = createApp({ db, consoleDir: join(root, 'dist') });

describe('console assets at /console/', () => {
  it('serves index.html for /console/ and every client-side route, no-cache, under a strict CSP', async () => {
    for (const path of ['/console/', '/console/inbox', '/console/cases/0193f1d2-0000-7000-8000-000000000000', '/console/index.html']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe(INDEX);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
    }
    expect((await app.request('/console')).headers.get('location')).toBe('/console/');
  });

  it('serves hashed assets immutable for a year, other files for five minutes, with ETags', async () => {
    const js = await app.request('/console/assets/index-C9x_aQ3z.js');
    expect(js.status).toBe(200);
    expect(await js.text()).toBe('console.log("console")');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = js.headers.get('etag') ?? '';
    expect((await app.request('/console/assets/index-C9x_aQ3z.js', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await app.request('/console/assets/index-Dd81kq_2.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await app.request('/console/favicon.svg')).headers.get('cache-control')).toBe('public, max-age=300');
  });

  it.each(['/console/assets/gone-B1x2c3d4.js', '/console/..%2Fsecret.txt', '/console/%2E%2E/secret.txt', '/console/.env', '/console/%E0%A4%A'])('404 JSON for %s, never index.html', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers 503 saying to build the console when it is not installed or not built: a page for a browser, JSON otherwise', async () => {
    for (const consoleDir of [undefined, join(root, 'missing'), join(root, 'unbuilt')]) {
      const unbuilt = createApp({ db, consoleDir });
      const json = await unbuilt.request('/console/inbox');
      expect(json.status).toBe(503);
      expect(await json.json()).toMatchObject({ error: { code: 'console_not_built', message: expect.stringContaining('pnpm build') } });
      const page = await unbuilt.request('/console/', { headers: { Accept: 'text/html,application/xhtml+xml' } });
      expect(page.status).toBe(503);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('pnpm build');
    }
  });

  it('leaves the API and the widget routes alone', async () => {
    expect((await app.request('/api/v1/session')).status).toBe(401);
    expect((await app.request('/closeloop.js')).status).toBe(503);
  });
});
