import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { makeTempDir } from '../../testing/temp-dir.js';
import { openSqliteTestDb } from '../../testing/test-dbs.js';

const page = '<!doctype html><script type="module" src="./closeloop-preview-Ab12Cd34.js"></script>';
const built = makeTempDir({ 'browser/closeloop-preview.html': page, 'browser/closeloop.js': '' });
const stale = makeTempDir({ 'browser/closeloop.js': '' });
afterAll(() => [built, stale].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const { db } = await openSqliteTestDb();
afterAll(() => db.destroy());

describe('the survey preview page', () => {
  it('is served as HTML for frames of this origin only, revalidated each time, allowed to connect nowhere', async () => {
    const res = await createApp({ db, widgetDir: join(built, 'browser') }).request('/closeloop-preview.html');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(page);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('404s with the fix when the widget build has no preview page, 503 when there is no build', async () => {
    const missing = await createApp({ db, widgetDir: join(stale, 'browser') }).request('/closeloop-preview.html');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found', message: expect.stringContaining('rebuild the widget') } });
    const unbuilt = await createApp({ db, widgetDir: undefined }).request('/closeloop-preview.html');
    expect(unbuilt.status).toBe(503);
  });

  it('leaves other HTML names to the 404 of unknown paths', async () => {
    expect((await createApp({ db, widgetDir: join(built, 'browser') }).request('/other.html')).status).toBe(404);
  });
});
