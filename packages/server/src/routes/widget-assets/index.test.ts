import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { makeTempDir } from '../../testing/temp-dir.js';
import { openSqliteTestDb } from '../../testing/test-dbs.js';

// Past a kilobyte, as the real entry is (22 KB): compressed for a client that accepts it.
const big = `${'export const question = "How likely are you to recommend us?";\n'.repeat(60)}`;
const root = makeTempDir({
  'browser/closeloop.js': 'console.log("entry")',
  'browser/closeloop-big-Qp2s9aZx.js': big,
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

  it('sends brotli or gzip to a browser that accepts it, each with its own ETag, and the bytes as they are to one that does not', async () => {
    const path = '/closeloop-big-Qp2s9aZx.js';
    const br = await app.request(path, { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(big.length / 10);
    expect(brotliDecompressSync(brBytes).toString()).toBe(big);

    const gz = await app.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(big);

    const plain = await app.request(path);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(big);

    const etags = [br, gz, plain].map((res) => res.headers.get('etag'));
    expect(new Set(etags).size).toBe(3);
    // Revalidation answers 304 for the form the client holds, and the whole reply for another.
    expect((await app.request(path, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etags[0]! } })).status).toBe(304);
    const other = await app.request(path, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etags[2]! } });
    expect(other.status).toBe(200);
    expect(other.headers.get('content-encoding')).toBe('br');
  });

  it('leaves a file under a kilobyte as it is, whatever the request accepts', async () => {
    const res = await app.request('/closeloop.js', { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe('console.log("entry")');
  });

  it('serves a rebuilt file at once, in each encoding', async () => {
    const file = join(root, 'browser/closeloop-rebuilt-Zz9x8Y7w.js');
    writeFileSync(file, big);
    const before = await app.request('/closeloop-rebuilt-Zz9x8Y7w.js', { headers: { 'Accept-Encoding': 'br' } });
    expect(brotliDecompressSync(Buffer.from(await before.arrayBuffer())).toString()).toBe(big);
    const rebuilt = `${big}export const added = 1;\n`;
    writeFileSync(file, rebuilt);
    const after = await app.request('/closeloop-rebuilt-Zz9x8Y7w.js', { headers: { 'Accept-Encoding': 'br' } });
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(brotliDecompressSync(Buffer.from(await after.arrayBuffer())).toString()).toBe(rebuilt);
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
