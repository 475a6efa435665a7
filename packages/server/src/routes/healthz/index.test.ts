import { describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { openSqliteTestDb } from '../../testing/test-dbs.js';

describe('GET /healthz', () => {
  it('is ok while the database answers', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    const res = await createApp({ db }).request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    await cleanup();
  });

  it('answers 503 JSON once the database is gone', async () => {
    const { db } = await openSqliteTestDb();
    const app = createApp({ db });
    await db.destroy();
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'store_unavailable' } });
  });
});
