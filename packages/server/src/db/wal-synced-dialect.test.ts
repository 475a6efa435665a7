import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import type { WalSync } from './wal-sync.js';
import { withTransaction } from './with-transaction.js';
import { WalSyncedSqliteDialect } from './wal-synced-dialect.js';

interface Row {
  id: string;
}

/** A log sync the test completes by hand. */
function heldWal() {
  const waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const wal: WalSync = { sync: () => new Promise((resolve, reject) => waiting.push({ resolve, reject })), close() {} };
  return { wal, asked: () => waiting.length, finish: () => waiting.shift()!.resolve(), fail: (error: Error) => waiting.shift()!.reject(error) };
}

/** Whether `promise` has settled once the event loop has turned. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

/** The server's withTransaction on this test's one-table database. */
function inTransaction<T>(db: Kysely<{ t: Row }>, work: (trx: Transaction<{ t: Row }>) => Promise<T>): Promise<T> {
  return withTransaction(db as unknown as Kysely<Database>, (trx) => work(trx as unknown as Transaction<{ t: Row }>));
}

describe('WalSyncedSqliteDialect', () => {
  let dir = '';
  let held: ReturnType<typeof heldWal>;
  let db: Kysely<{ t: Row }>;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'closeloop-wal-dialect-'));
    const database = new Sqlite(join(dir, 'db.sqlite'));
    database.pragma('journal_mode = WAL');
    database.exec('create table t (id text primary key)');
    held = heldWal();
    db = new Kysely({
      dialect: new WalSyncedSqliteDialect({ database }, { wal: held.wal, inTransaction: () => database.inTransaction, isReadonly: (text) => database.prepare(text).readonly }),
    });
  });
  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('acknowledges a committed transaction only once the log is synced, freeing the connection meanwhile', async () => {
    const committed = inTransaction(db, (trx) => trx.insertInto('t').values({ id: 'a' }).execute());
    expect(await settled(committed)).toBe(false);
    expect(held.asked()).toBe(1);
    // The next transaction runs while the first one's sync is under way (the next batch of answers).
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([{ id: 'a' }]);
    const next = inTransaction(db, (trx) => trx.insertInto('t').values({ id: 'b' }).execute());
    expect(await settled(next)).toBe(false);
    held.finish();
    await committed;
    // Committed after the first sync began, the second waits for a sync of its own.
    expect(await settled(next)).toBe(false);
    held.finish();
    await next;
  });

  it('makes a write outside a transaction wait for the sync too, without holding the connection meanwhile', async () => {
    const written = db.insertInto('t').values({ id: 'b' }).execute();
    expect(await settled(written)).toBe(false);
    // A claim of the job runner waiting for the disk does not hold up the next batch of answers.
    const batch = inTransaction(db, (trx) => trx.insertInto('t').values({ id: 'c' }).execute());
    await settled(batch);
    expect(held.asked()).toBe(2);
    expect(await db.selectFrom('t').select('id').orderBy('id').execute()).toEqual([{ id: 'b' }, { id: 'c' }]);
    held.finish();
    await written;
    held.finish();
    await batch;
  });

  it('waits for no sync after a write outside a transaction that changed nothing (a claim that found no job)', async () => {
    await db.updateTable('t').set({ id: 'z' }).where('id', '=', 'none').execute();
    await db.deleteFrom('t').where('id', '=', 'none').returning('id').execute();
    expect(held.asked()).toBe(0);
    // A schema change counts no rows, and is synced all the same.
    const created = db.schema.createIndex('t_id').ifNotExists().on('t').column('id').execute();
    expect(await settled(created)).toBe(false);
    held.finish();
    await created;
  });

  it('never waits for a read, in a transaction or not, nor for a rollback', async () => {
    await inTransaction(db, (trx) => trx.selectFrom('t').selectAll().execute());
    await expect(
      inTransaction(db, async (trx) => {
        await trx.insertInto('t').values({ id: 'x' }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await db.selectFrom('t').selectAll().execute();
    expect(held.asked()).toBe(0);
  });

  it('fails the write when the disk refuses the sync', async () => {
    const written = inTransaction(db, (trx) => trx.insertInto('t').values({ id: 'c' }).execute());
    await settled(written);
    held.fail(new Error('EIO: i/o error, fdatasync'));
    await expect(written).rejects.toThrow('EIO');
  });
});
