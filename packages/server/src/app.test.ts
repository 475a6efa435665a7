import { describe, expect, it, vi } from 'vitest';
import { createApp } from './app.js';
import { openSqliteTestStore } from './testing/test-stores.js';
import type { Store } from './store/store.js';

describe('createApp', () => {
  it('answers unknown routes with a 404 error body', async () => {
    const { store, cleanup } = await openSqliteTestStore();
    const res = await createApp({ store }).request('/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /nope' } });
    await cleanup();
  });

  it('turns an unexpected error into a 500 with no detail, logging one line', async () => {
    const { store, cleanup } = await openSqliteTestStore();
    const broken: Store = Object.assign(Object.create(store) as Store, {
      findProjectByPublicKey: () => Promise.reject(new Error('disk on fire\n    at secret.ts:1')),
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await createApp({ store: broken }).request('/v1/config?project=pk_x');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: 'Internal server error' } });
    expect(text).not.toContain('disk on fire');
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/^closeloop: 500 GET \/v1\/config: Error: disk on fire at secret.ts:1$/);
    log.mockRestore();
    await cleanup();
  });
});
