import { describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { openSqliteTestStore } from '../../testing/test-stores.js';

describe('GET /healthz', () => {
  it('is ok while the store answers', async () => {
    const { store, cleanup } = await openSqliteTestStore();
    const res = await createApp({ store }).request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    await cleanup();
  });

  it('answers 503 JSON once the store is gone', async () => {
    const { store } = await openSqliteTestStore();
    const app = createApp({ store });
    await store.destroy();
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'store_unavailable' } });
  });
});
