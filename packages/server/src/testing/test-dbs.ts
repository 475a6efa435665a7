import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import type { Db } from '../db/db.js';
import { openPostgresDb } from '../db/postgres.js';
import { openSqliteDb } from '../db/sqlite.js';

export interface TestDb {
  db: Db;
  /** Destroys the handle and drops whatever it created. */
  cleanup(): Promise<void>;
}

export interface TestDialect {
  name: 'sqlite' | 'postgres';
  open(): Promise<TestDb>;
}

const pgUrl = process.env['CLOSELOOP_TEST_DATABASE_URL'];

/** A fresh in-memory SQLite database. */
export async function openSqliteTestDb(): Promise<TestDb> {
  const db = await openSqliteDb({ file: ':memory:' });
  return { db, cleanup: () => db.destroy() };
}

/**
 * A fresh PostgreSQL database in its own random schema, dropped afterwards, so parallel runs never see each other's
 * rows. An unreachable server throws: with the variable set, a missing database is a failure, not a skip.
 */
export async function openPostgresTestDb(url: string): Promise<TestDb> {
  const schema = `closeloop_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const db = await openPostgresDb({ connectionString: url, schema });
  return {
    db,
    async cleanup() {
      await db.destroy();
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
  { name: 'sqlite', open: openSqliteTestDb },
  ...(pgUrl ? [{ name: 'postgres' as const, open: () => openPostgresTestDb(pgUrl) }] : []),
];

/** A test's database, read inside the test once the hooks ran. */
export interface UsedTestDb {
  db: Db;
}

/** Registers hooks that open a fresh database before each test (SQLite unless `open` says otherwise) and clean it up after. */
export function useTestDb(open: TestDialect['open'] = openSqliteTestDb): UsedTestDb {
  const t = {} as UsedTestDb;
  let cleanup: () => Promise<void> = async () => {};
  beforeEach(async () => {
    const opened = await open();
    t.db = opened.db;
    cleanup = opened.cleanup;
  });
  afterEach(() => cleanup());
  return t;
}
