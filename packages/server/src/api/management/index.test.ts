import { describe, expect, it } from 'vitest';
import { openSqliteTestDb } from '../../testing/test-dbs.js';
import { managementApi } from './index.js';

describe('managementApi', () => {
  it('guards every route with requirePermission, so a principal without the permission never reaches a handler', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    const api = managementApi({ db, now: () => new Date() });
    await cleanup();
    const routes = api.routes.filter((r) => r.method !== 'ALL');
    const guarded = new Set(routes.filter((r) => r.handler.name === 'requirePermission').map((r) => `${r.method} ${r.path}`));
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.map((r) => `${r.method} ${r.path}`).filter((route) => !guarded.has(route))).toEqual([]);
  });
});
