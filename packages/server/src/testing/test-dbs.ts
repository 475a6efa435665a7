import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../db/database.js';
import type { Db } from '../db/db.js';
import { openPostgresDb } from '../db/postgres.js';
import { OwnSchemaPostgresDialect } from '../db/own-schema-dialect.js';
import { openSqliteDb } from '../db/sqlite.js';
import { withStatementCache } from '../db/statement-cache.js';

export interface TestDb {
  db: Db;
  /** A second handle (its own pool) on the same database, as another server instance would hold; closed by cleanup. */
  openAnother(): Promise<Db>;
  /** Destroys the handle and drops whatever it created. */
  cleanup(): Promise<void>;
}

export interface TestDialect {
  name: 'sqlite' | 'postgres';
  open(): Promise<TestDb>;
  /** A fresh, empty database with no migration run: for tests that migrate step by step. */
  openUnmigrated(): Promise<UnmigratedTestDb>;
}

export interface UnmigratedTestDb {
  kysely: Kysely<Database>;
  /** The PostgreSQL schema it works in (none on SQLite): migrators must be told it (see db/migrate.ts). */
  schema?: string;
  cleanup(): Promise<void>;
}

const pgUrl = process.env['CLOSELOOP_TEST_DATABASE_URL'];

/** A fresh in-memory SQLite database. */
export async function openSqliteTestDb(): Promise<TestDb> {
  const db = await openSqliteDb({ file: ':memory:' });
  // An in-memory database lives in its one connection: a second instance can only share that handle.
  return { db, openAnother: async () => ({ ...db, destroy: async () => {} }), cleanup: () => db.destroy() };
}

/**
 * A fresh SQLite database in a file of its own temporary folder, as `closeloop demo` and `serve` open one: with the
 * read connection on its worker thread (`db.reads`), which a database in memory cannot have.
 */
export async function openSqliteFileTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'closeloop-test-'));
  const file = join(dir, 'closeloop.sqlite');
  const db = await openSqliteDb({ file });
  const others: Db[] = [];
  return {
    db,
    async openAnother() {
      const other = await openSqliteDb({ file });
      others.push(other);
      return other;
    },
    async cleanup() {
      for (const handle of [...others, db]) await handle.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An empty in-memory SQLite database, foreign keys on and statements cached as the server runs it. */
export async function openUnmigratedSqlite(): Promise<UnmigratedTestDb> {
  const database = new Sqlite(':memory:');
  database.pragma('foreign_keys = ON');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return { kysely, cleanup: () => kysely.destroy() };
}

/** An empty random schema on the test PostgreSQL server, dropped afterwards. */
export async function openUnmigratedPostgres(url: string): Promise<UnmigratedTestDb> {
  const schema = await createTestSchema(url);
  const kysely = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` }) }) });
  return {
    kysely,
    schema,
    async cleanup() {
      await kysely.destroy();
      await dropTestSchema(url, schema);
    },
  };
}

/**
 * A fresh PostgreSQL database in its own random schema, dropped afterwards, so parallel runs never see each other's
 * rows. An unreachable server throws: with the variable set, a missing database is a failure, not a skip.
 */
export async function openPostgresTestDb(url: string): Promise<TestDb> {
  const schema = await createTestSchema(url);
  // A schema whose migration failed is dropped too: left behind, it would only clutter the shared database.
  const db = await openPostgresDb({ connectionString: url, schema }).catch(async (error: unknown) => {
    await dropTestSchema(url, schema);
    throw error;
  });
  const others: Db[] = [];
  return {
    db,
    async openAnother() {
      const other = await openPostgresDb({ connectionString: url, schema });
      others.push(other);
      return other;
    },
    async cleanup() {
      for (const other of others) await other.destroy();
      await db.destroy();
      await dropTestSchema(url, schema);
    },
  };
}

/** Runs one statement on its own connection (create or drop a schema or a database). */
export async function adminQuery(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

async function createTestSchema(url: string): Promise<string> {
  const schema = `closeloop_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create schema ${schema}`);
  return schema;
}

function dropTestSchema(url: string, schema: string): Promise<void> {
  return adminQuery(url, `drop schema ${schema} cascade`);
}

/** SQLite always; PostgreSQL too when CLOSELOOP_TEST_DATABASE_URL is set. */
export const testDialects: TestDialect[] = [
  { name: 'sqlite', open: openSqliteTestDb, openUnmigrated: openUnmigratedSqlite },
  ...(pgUrl ? [{ name: 'postgres' as const, open: () => openPostgresTestDb(pgUrl), openUnmigrated: () => openUnmigratedPostgres(pgUrl) }] : []),
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
