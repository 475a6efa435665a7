import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { createPostgresStore } from '../store/postgres.js';
import { createSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';

export interface TestStore {
  store: Store;
  /** Destroys the store and drops whatever it created. */
  cleanup(): Promise<void>;
}

export interface TestDialect {
  name: 'sqlite' | 'postgres';
  open(): Promise<TestStore>;
}

const pgUrl = process.env['CLOSELOOP_TEST_DATABASE_URL'];

/** A fresh in-memory SQLite store. */
export async function openSqliteTestStore(): Promise<TestStore> {
  const store = await createSqliteStore({ file: ':memory:' });
  return { store, cleanup: () => store.destroy() };
}

/**
 * A fresh PostgreSQL store in its own random schema, dropped afterwards, so parallel runs never see each other's
 * rows. An unreachable server throws: with the variable set, a missing database is a failure, not a skip.
 */
export async function openPostgresTestStore(url: string): Promise<TestStore> {
  const schema = `closeloop_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const store = await createPostgresStore({ connectionString: url, schema });
  return {
    store,
    async cleanup() {
      await store.destroy();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`drop schema ${schema} cascade`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** SQLite always; PostgreSQL too when CLOSELOOP_TEST_DATABASE_URL is set. */
export const testDialects: TestDialect[] = [
  { name: 'sqlite', open: openSqliteTestStore },
  ...(pgUrl ? [{ name: 'postgres' as const, open: () => openPostgresTestStore(pgUrl) }] : []),
];

/** A test's store, read inside the test once the hooks ran. */
export interface UsedTestStore {
  store: Store;
}

/** Registers hooks that open a fresh store before each test (SQLite unless `open` says otherwise) and clean it up after. */
export function useTestStore(open: TestDialect['open'] = openSqliteTestStore): UsedTestStore {
  const t = {} as UsedTestStore;
  let cleanup: () => Promise<void> = async () => {};
  beforeEach(async () => {
    const opened = await open();
    t.store = opened.store;
    cleanup = opened.cleanup;
  });
  afterEach(() => cleanup());
  return t;
}
