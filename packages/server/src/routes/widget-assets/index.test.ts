import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { makeTempDir } from '../../testing/temp-dir.js';
import { openSqliteTestDb } from '../../testing/test-dbs.js';

const root = makeTempDir({
  'browser/closeloop.js': 'console.log("entry")',
  'browser/closeloop-ui-B3x9_aQz.js': 'export const ui = 1',
  'browser/closeloop.css': ':host{}',
  'browser/manifest.json': '{}',
  'secret.js': 'outside',
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const { db } = await openSqliteTestDb();
afterAll(() => db.destroy());
const app = createApp({ db, widgetDir: join(root, 'browser') });

describe('widget assets', () => {
  it('serves the stable entry with a 5-minute cache, an ETag, CORS and a JS content type', async () => {
    const res = await app.request('/closeloop.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log("entry")');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const etag = res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    const again = await app.request('/closeloop.js', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves content-hashed chunks as immutable for a year', async () => {
    const res = await app.request('/closeloop-ui-B3x9_aQz.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('serves css and json with their content types', async () => {
    expect((await app.request('/closeloop.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await app.request('/manifest.json')).headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it.each(['/..%2Fsecret.js', '/%2E%2E%2Fsecret.js', '/nope.js', '/.hidden.js'])('404 JSON for %s', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('does not shadow /openapi.json', async () => {
    expect(await (await app.request('/openapi.json')).json()).toMatchObject({ openapi: '3.1.0' });
  });

  it('answers 503 JSON when the widget is not built', async () => {
    for (const widgetDir of [join(root, 'missing'), undefined]) {
      const res = await createApp({ db, widgetDir }).request('/closeloop.js');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: 'widget_not_built', message: expect.stringContaining('pnpm build') } });
    }
  });
});
