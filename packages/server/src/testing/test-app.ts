import { beforeEach } from 'vitest';
import { createApp } from '../app.js';
import type { AppOptions } from '../app.js';
import type { Store } from '../store/store.js';
import { NOW, seedProject } from './fixtures.js';
import type { SeededProject } from './fixtures.js';
import { useTestStore } from './test-stores.js';
import type { TestDialect } from './test-stores.js';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  store: Store;
  shop: SeededProject;
}

/**
 * Registers hooks that give each test a fresh store (in-memory SQLite unless `open` says otherwise) with the
 * `pk_shop` project seeded and an app on it, the clock pinned at NOW. Read the returned object's fields inside
 * tests, after the hooks ran.
 */
export function useTestApp(options: Omit<AppOptions, 'store'> = {}, open?: TestDialect['open']): TestApp {
  const t = {} as TestApp;
  const opened = useTestStore(open);
  beforeEach(async () => {
    t.store = opened.store;
    t.shop = await seedProject(opened.store);
    t.app = createApp({ now: () => NOW, ...options, store: opened.store });
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
