import { beforeEach } from 'vitest';
import { createApp } from '../app.js';
import type { AppOptions } from '../app.js';
import type { Db } from '../db/db.js';
import { NO_RATE_LIMITS } from '../middleware/rate-limit/index.js';
import { NOW, seedProject } from './fixtures.js';
import type { SeededProject } from './fixtures.js';
import { useTestDb } from './test-dbs.js';
import type { TestDialect } from './test-dbs.js';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  shop: SeededProject;
}

/**
 * Registers hooks that give each test a fresh database (in-memory SQLite unless `open` says otherwise) with the
 * `pk_shop` project seeded and an app on it, the clock pinned at NOW. Rate limits are off unless `options` set
 * them: these tests send thousands of requests from one in-process "address" as fast as they can, and the limits
 * have tests of their own. Read the returned object's fields inside tests, after the hooks ran.
 */
export function useTestApp(options: Omit<AppOptions, 'db'> = {}, open?: TestDialect['open']): TestApp {
  const t = {} as TestApp;
  const opened = useTestDb(open);
  beforeEach(async () => {
    t.db = opened.db;
    t.shop = await seedProject(opened.db);
    t.app = createApp({ now: () => NOW, rateLimits: NO_RATE_LIMITS, ...options, db: opened.db });
  });
  return t;
}

/** Sends `body` as JSON (or any string as-is) with the given content type. */
export function post(app: TestApp['app'], path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
