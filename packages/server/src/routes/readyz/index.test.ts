import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../db/database.js';
import { dbHandle } from '../../db/db.js';
import type { Db } from '../../db/db.js';
import { migrations } from '../../db/migrations.js';
import { openSqliteDb } from '../../db/sqlite.js';
import { openPostgresBehindProxy } from '../../testing/tcp-proxy.js';
import type { TcpProxy } from '../../testing/tcp-proxy.js';
import { makeTempDir } from '../../testing/temp-dir.js';
import type { TestDb } from '../../testing/test-dbs.js';

const pgUrl = process.env['CLOSELOOP_TEST_DATABASE_URL'];

/** `/readyz` of an app on `db` whose job runner runs, unless `jobsRunning` says otherwise (null: it runs no jobs). */
async function readinessOf(db: Db, jobsRunning: (() => boolean) | null = () => true) {
  const res = await createApp({ db, ...(jobsRunning !== null && { jobsRunning }) }).request('/readyz');
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, unknown> };
}

/**
 * The newest migration made to look not run (its record deleted): 503 `migrations_pending` naming it; recorded
 * again: 200. What an instance of a new version sees on a database no one has migrated for it yet.
 */
async function expectPendingMigrationNamed(db: Db, name: string) {
  const [newest] = Object.keys(migrations).slice(-1);
  const { rows } = await sql<{ timestamp: string }>`select timestamp from kysely_migration where name = ${newest}`.execute(db.kysely);
  await sql`delete from kysely_migration where name = ${newest}`.execute(db.kysely);
  expect(await readinessOf(db)).toEqual({
    status: 503,
    retryAfter: null,
    body: {
      ok: false,
      database: { ok: true, name },
      migrations: { ok: false, pending: [newest] },
      jobs: { ok: true, running: true },
      error: { code: 'migrations_pending', message: expect.stringMatching(new RegExp(`${newest}.*closeloop migrate`)), requestId: expect.any(String) },
    },
  });
  await sql`insert into kysely_migration (name, timestamp) values (${newest}, ${rows[0]!.timestamp})`.execute(db.kysely);
  expect((await readinessOf(db)).status).toBe(200);
}

/** Every migration this build knows has run. */
const CURRENT = { ok: true, pending: [] };

/** The reply when the database is down for `reason` and the job runner runs. */
function databaseDown(name: string, reason: RegExp) {
  return {
    status: 503,
    retryAfter: '5',
    body: {
      ok: false,
      database: { ok: false, name, reason: expect.stringMatching(reason) },
      jobs: { ok: true, running: true },
      error: { code: 'store_unavailable', message: expect.stringMatching(new RegExp(`^The database \\(${name}\\) is unavailable: `)), requestId: expect.any(String) },
    },
  };
}

describe('GET /readyz on SQLite: which part is down', () => {
  let dir: string;
  let file: string;
  let db: Db;
  beforeEach(async () => {
    dir = makeTempDir({});
    file = join(dir, 'closeloop.db');
    db = await openSqliteDb({ file });
  });
  afterEach(async () => {
    await db.destroy().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it('200 naming every part up: the database takes writes and the job runner runs', async () => {
    expect(await readinessOf(db)).toEqual({ status: 200, retryAfter: null, body: { ok: true, database: { ok: true, name: 'SQLite' }, migrations: CURRENT, jobs: { ok: true, running: true } } });
  });

  it('an app that runs no jobs reports the database alone', async () => {
    expect((await readinessOf(db, null)).body).toEqual({ ok: true, database: { ok: true, name: 'SQLite' }, migrations: CURRENT });
  });

  it('a stopped job runner: 503 naming the runner, the database still up', async () => {
    expect(await readinessOf(db, () => false)).toEqual({
      status: 503,
      retryAfter: null,
      body: { ok: false, database: { ok: true, name: 'SQLite' }, migrations: CURRENT, jobs: { ok: false, running: false }, error: { code: 'jobs_stopped', message: expect.stringMatching(/job runner is not running/), requestId: expect.any(String) } },
    });
  });

  it('a migration this version needs not run yet: 503 naming it; run: 200', async () => {
    await expectPendingMigrationNamed(db, 'SQLite');
  });

  it('a file the server may only read: down as read-only, though reads still work', async () => {
    // The same file opened read-only, as a server whose data directory was remounted read-only holds it.
    const readOnly = dbHandle(new Kysely<Database>({ dialect: new SqliteDialect({ database: new Sqlite(file, { readonly: true }) }) }), 'sqlite');
    try {
      await readOnly.ping();
      expect(await readinessOf(readOnly)).toEqual(databaseDown('SQLite', /read-only/));
    } finally {
      await readOnly.destroy();
    }
  });

  it('SQLite refusing writes (query_only): down as read-only; writable again: up', async () => {
    await sql`pragma query_only = on`.execute(db.kysely);
    expect(await readinessOf(db)).toEqual(databaseDown('SQLite', /read-only/));
    await sql`pragma query_only = off`.execute(db.kysely);
    expect((await readinessOf(db)).status).toBe(200);
  });

  it('a file that may grow no further: down as disk full; with room again: up', async () => {
    // Fill every free page first, so nothing is left inside the file either.
    await sql`pragma auto_vacuum = none`.execute(db.kysely);
    await sql`vacuum`.execute(db.kysely);
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db.kysely);
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(db.kysely);
    expect(await readinessOf(db)).toEqual(databaseDown('SQLite', /disk is full/));
    await sql`pragma max_page_count = 1073741823`.execute(db.kysely);
    expect((await readinessOf(db)).status).toBe(200);
  });

  it('locked by another process: down as locked; released: up', async () => {
    await sql`pragma busy_timeout = 50`.execute(db.kysely);
    const other = new Sqlite(file);
    try {
      other.exec('begin immediate');
      expect(await readinessOf(db)).toEqual(databaseDown('SQLite', /locked by another process/));
      other.exec('commit');
      expect((await readinessOf(db)).status).toBe(200);
    } finally {
      other.close();
    }
  });

  it('a closed database: down as closed', async () => {
    await db.destroy();
    expect(await readinessOf(db)).toEqual(databaseDown('SQLite', /closed/));
  });
});

describe.skipIf(!pgUrl)('GET /readyz on PostgreSQL: which part is down', () => {
  let proxy: TcpProxy;
  let opened: TestDb;
  beforeEach(async () => {
    ({ proxy, opened } = await openPostgresBehindProxy(pgUrl!));
  });
  afterEach(async () => {
    await proxy.restore().catch(() => {});
    await opened.cleanup();
    await proxy.close();
  });

  it('the server stopped (every connection cut, new ones refused): 503 naming PostgreSQL; back: 200', async () => {
    expect((await readinessOf(opened.db)).body).toEqual({ ok: true, database: { ok: true, name: 'PostgreSQL' }, migrations: CURRENT, jobs: { ok: true, running: true } });
    await proxy.cut();
    expect(await readinessOf(opened.db)).toEqual(databaseDown('PostgreSQL', /cannot be reached|does not answer|connection/));
    await proxy.restore();
    expect((await readinessOf(opened.db)).status).toBe(200);
  });

  it('a migration this version needs not run yet: 503 naming it; run: 200', async () => {
    await expectPendingMigrationNamed(opened.db, 'PostgreSQL');
  });

  it('a read-only server (a standby, default_transaction_read_only): down as read-only', async () => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(opened.db.kysely);
    const pool = new pg.Pool({ connectionString: pgUrl, max: 1, options: `-c search_path=${rows[0]!.schema} -c default_transaction_read_only=on` });
    const readOnly = dbHandle(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
    try {
      expect(await readinessOf(readOnly)).toEqual(databaseDown('PostgreSQL', /read-only/));
    } finally {
      await readOnly.destroy();
    }
  });
});
