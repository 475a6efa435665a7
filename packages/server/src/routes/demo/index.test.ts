import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { makeTempDir } from '../../testing/temp-dir.js';
import { openSqliteTestDb } from '../../testing/test-dbs.js';

const site = makeTempDir({ 'index.html': '<h1>Shop</h1>', 'cart/index.html': '<h1>Cart</h1>', 'style.css': 'h1{}' });
afterAll(() => rmSync(site, { recursive: true, force: true }));
const { db } = await openSqliteTestDb();
afterAll(() => db.destroy());

describe('demo site', () => {
  const app = createApp({ db, demoDir: site });

  it('serves index.html at /demo/ and in sub-folders', async () => {
    const res = await app.request('/demo/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('<h1>Shop</h1>');
    expect(await (await app.request('/demo/cart/')).text()).toBe('<h1>Cart</h1>');
    expect((await app.request('/demo/style.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('redirects / and /demo to /demo/', async () => {
    for (const path of ['/', '/demo']) {
      const res = await app.request(path);
      expect(res.status).toBeGreaterThanOrEqual(301);
      expect(res.headers.get('location')).toBe('/demo/');
    }
  });

  it.each(['/demo/../package.json', '/demo/%2E%2E/%2E%2E/etc/passwd', '/demo/missing.html', '/demo/%E0%A4%A'])('refuses %s', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.json()).toHaveProperty('error.code');
  });

  it('is off without a demo dir', async () => {
    expect((await createApp({ db }).request('/demo/')).status).toBe(404);
  });
});
