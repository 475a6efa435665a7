import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { Kysely } from 'kysely';
import type { Database } from './db/database.js';
import type { Db } from './db/db.js';
import { captureLog } from './testing/log-capture.js';
import { openSqliteTestDb } from './testing/test-dbs.js';

describe('createApp', () => {
  it('answers unknown routes with a 404 error body', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    const res = await createApp({ db }).request('/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /nope', requestId: res.headers.get('x-request-id') } });
    await cleanup();
  });

  it('turns an unexpected error into a 500 with no detail, logging one error line with the stack', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    // Every query fails the way a broken disk would.
    const kysely = Object.assign(Object.create(db.kysely) as Kysely<Database>, {
      // The database itself is still known (per-database caches ask for it); only its queries fail.
      getExecutor: () => db.kysely.getExecutor(),
      selectFrom: () => {
        throw new Error('disk on fire\n    at secret.ts:1');
      },
    });
    const broken: Db = { ...db, kysely };
    const log = captureLog('error');
    const res = await createApp({ db: broken, logger: log.logger }).request('/v1/config?project=pk_x');
    expect(res.status).toBe(500);
    const text = await res.text();
    const requestId = res.headers.get('x-request-id');
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: 'Internal server error', requestId } });
    expect(text).not.toContain('disk on fire');
    expect(log.lines()).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'internal error',
        requestId,
        method: 'GET',
        route: '/v1/config',
        status: 500,
        err: expect.objectContaining({ type: 'Error', message: 'disk on fire\n    at secret.ts:1', stack: expect.stringMatching(/^Error: disk on fire\n/) }),
      }),
    ]);
    // The route pattern, never the path with its query.
    expect(log.text()).not.toContain('pk_x');
    await cleanup();
  });

  it('runs each surface’s middleware for its whole prefix: preflights on /v1, the key check on /api/v1', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    const app = createApp({ db });
    const preflight = await app.request('/v1/responses', {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    // An unknown management path reveals nothing without a key.
    expect((await app.request('/api/v1/nope')).status).toBe(401);
    await cleanup();
  });
});
