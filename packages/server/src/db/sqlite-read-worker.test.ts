import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findProjectByPublicKey } from '../repos/projects.js';
import { seedProject } from '../testing/fixtures.js';
import type { Database } from './database.js';
import { openSqliteDb } from './sqlite.js';
import { SqliteReadDialect } from './sqlite-read-worker.js';
import { storeOutageOf } from './store-unavailable.js';

// A query that keeps SQLite busy for a while and returns one row: counting to this many in a recursive CTE.
const LONG_COUNT = 3_000_000;
const longRead = (db: Kysely<Database>) =>
  sql<{ n: number }>`with recursive c(i) as (select 1 union all select i + 1 from c where i < ${LONG_COUNT}) select count(*) as n from c`.execute(db);

describe('the read connection of a SQLite file (db.reads)', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'closeloop-reads-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sees what the main connection committed, including after its first read', async () => {
    const db = await openSqliteDb({ file: join(dir, 'c.sqlite') });
    try {
      expect(db.reads).not.toBe(db.kysely);
      expect(await findProjectByPublicKey(db.reads, 'pk_shop')).toBeNull();
      await seedProject(db);
      expect((await findProjectByPublicKey(db.reads, 'pk_shop'))?.name).toBe((await findProjectByPublicKey(db.kysely, 'pk_shop'))?.name);
    } finally {
      await db.destroy();
    }
  });

  it('runs a long statement beside the event loop, which keeps turning meanwhile', async () => {
    const db = await openSqliteDb({ file: join(dir, 'c.sqlite') });
    try {
      let turns = 0;
      let done = false;
      const read = longRead(db.reads).finally(() => (done = true));
      while (!done) {
        await nextTurn();
        turns++;
      }
      expect((await read).rows).toEqual([{ n: LONG_COUNT }]);
      // On the main connection the statement holds the thread: not one turn until it has ended.
      expect(turns).toBeGreaterThan(10);
    } finally {
      await db.destroy();
    }
  });

  it('refuses a statement that would write, and a transaction, leaving the file as it was', async () => {
    const db = await openSqliteDb({ file: join(dir, 'c.sqlite') });
    try {
      await seedProject(db);
      const write = db.reads.updateTable('projects').set({ name: 'Changed' }).execute();
      await expect(write).rejects.toThrow(/runs queries that return rows only: update "projects"/);
      // A bug, not an outage: it must not become a 503 "try again later".
      expect(storeOutageOf(await write.catch((e: unknown) => e), 'sqlite')).toBeNull();
      await expect(db.reads.transaction().execute(async () => {})).rejects.toThrow('the read connection has no transactions');
      expect((await findProjectByPublicKey(db.kysely, 'pk_shop'))?.name).not.toBe('Changed');
    } finally {
      await db.destroy();
    }
  });

  it("gives SQLite's error with its code, and serves the next query", async () => {
    const db = await openSqliteDb({ file: join(dir, 'c.sqlite') });
    try {
      await expect(sql`select * from no_such_table`.execute(db.reads)).rejects.toMatchObject({ message: 'no such table: no_such_table', code: 'SQLITE_ERROR' });
      expect((await sql<{ one: number }>`select 1 as one`.execute(db.reads)).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.destroy();
    }
  });

  it('fails its queries as an outage while the file cannot be opened, and opens it once it can', async () => {
    const file = join(dir, 'later.sqlite');
    const reads = new Kysely<Database>({ dialect: new SqliteReadDialect(file) });
    try {
      const error = await sql`select 1`.execute(reads).catch((e: unknown) => e);
      expect(storeOutageOf(error, 'sqlite')).toEqual({ database: 'SQLite', reason: 'the database file cannot be opened' });
      new Sqlite(file).close();
      expect((await sql<{ one: number }>`select 1 as one`.execute(reads)).rows).toEqual([{ one: 1 }]);
    } finally {
      await reads.destroy();
    }
  });

  it('fails the queries a dead thread held, and starts a new one for the next query', async () => {
    const db = await openSqliteDb({ file: join(dir, 'c.sqlite') });
    const posted = vi.spyOn(Worker.prototype, 'postMessage');
    try {
      const read = longRead(db.reads);
      await vi.waitFor(() => expect(posted).toHaveBeenCalled());
      const thread = posted.mock.contexts.at(-1) as Worker;
      await thread.terminate();
      await expect(read).rejects.toThrow("the read connection's thread stopped");
      await seedProject(db);
      expect(await findProjectByPublicKey(db.reads, 'pk_shop')).not.toBeNull();
      expect(posted.mock.contexts.at(-1)).not.toBe(thread);
    } finally {
      posted.mockRestore();
      await db.destroy();
    }
  });

  it('is the main connection itself for a database in memory, which no other connection can open', async () => {
    const db = await openSqliteDb({ file: ':memory:' });
    expect(db.reads).toBe(db.kysely);
    await db.destroy();
  });
});
