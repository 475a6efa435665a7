import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { makeTempDir } from '../../testing/temp-dir.js';
import { openSqliteTestDb } from '../../testing/test-dbs.js';

// No store involved: the headers come from the app's outermost middleware, whatever route answers.
const demo = makeTempDir({ 'index.html': '<h1>Shop</h1>', 'style.css': 'h1{}' });
const consoleDir = makeTempDir({ 'index.html': '<div id="app"></div>' });
afterAll(() => {
  rmSync(demo, { recursive: true, force: true });
  rmSync(consoleDir, { recursive: true, force: true });
});
const { db } = await openSqliteTestDb();
afterAll(() => db.destroy());

describe('security headers on every reply', () => {
  const app = createApp({ db, demoDir: demo, consoleDir });

  it('nosniff on JSON, errors, 404s, redirects and files', async () => {
    const replies = {
      healthz: await app.request('/healthz'),
      notFound: await app.request('/nothing/here'),
      unauthorized: await app.request('/api/v1/follow-ups'),
      invalid: await app.request('/v1/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
      redirect: await app.request('/'),
      css: await app.request('/demo/style.css'),
      openapi: await app.request('/openapi.json'),
    };
    for (const [what, res] of Object.entries(replies)) expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(replies.notFound.status).toBe(404);
    expect(replies.invalid.status).toBe(400);
  });

  it("the demo shop page may be framed by this origin only (frame-ancestors 'self')", async () => {
    const res = await app.request('/demo/');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
    // Not on what is not a page: a CSP there would mean nothing.
    expect((await app.request('/demo/style.css')).headers.get('content-security-policy')).toBeNull();
  });

  it("keeps the console's own, stricter CSP", async () => {
    const res = await app.request('/console/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    // Once, not doubled (`nosniff, nosniff`).
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
