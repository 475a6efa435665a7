import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WalSync } from './wal-sync.js';
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

  it('acknowledges a committed transaction only once the log is synced', async () => {
    const committed = db.transaction().execute((trx) => trx.insertInto('t').values({ id: 'a' }).execute());
    expect(await settled(committed)).toBe(false);
    expect(held.asked()).toBe(1);
    held.finish();
    await committed;
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([{ id: 'a' }]);
  });

  it('makes a write outside a transaction wait for the sync too', async () => {
    const written = db.insertInto('t').values({ id: 'b' }).execute();
    expect(await settled(written)).toBe(false);
    held.finish();
    await written;
  });

  it('never waits for a read, in a transaction or not', async () => {
    await db.transaction().execute((trx) => trx.selectFrom('t').selectAll().execute());
    await db.selectFrom('t').selectAll().execute();
    expect(held.asked()).toBe(0);
  });

  it('fails the write when the disk refuses the sync', async () => {
    const written = db.transaction().execute((trx) => trx.insertInto('t').values({ id: 'c' }).execute());
    await settled(written);
    held.fail(new Error('EIO: i/o error, fdatasync'));
    await expect(written).rejects.toThrow('EIO');
  });
});
