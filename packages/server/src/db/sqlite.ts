import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './database.js';
import { dbHandle } from './db.js';
import type { Db } from './db.js';
import { migrateToLatest } from './migrate.js';
import { SqliteReadDialect } from './sqlite-read-worker.js';
import { withStatementCache } from './statement-cache.js';
import { walSync } from './wal-sync.js';
import { WalSyncedSqliteDialect } from './wal-synced-dialect.js';

export interface SqliteDbOptions {
  /** Database file, created with its folder when missing; `:memory:` for a throwaway database (tests). */
  file: string;
}

/** The zero-setup database: one file, WAL so readers never wait on the writer. Migrated before it is returned. */
export async function openSqliteDb({ file }: SqliteDbOptions): Promise<Db> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Sqlite(file);
  database.pragma('journal_mode = WAL');
  const statements = withStatementCache(database);
  // Every write is acknowledged only once the WAL holds it on the disk, so an acknowledged answer survives a power
  // cut, not only a crash of the process. A file database makes that fsync itself, off the event loop, shared by the
  // commits made while one runs (wal-sync.ts), so SQLite's own per-commit fsync (FULL) is switched off; never
  // NORMAL without it. A database in memory has no disk to wait for.
  const wal = file === ':memory:' ? null : walSync(file);
  database.pragma(wal === null ? 'synchronous = FULL' : 'synchronous = NORMAL');
  // SQLite copies the log back into the database file (a checkpoint) inside the COMMIT that takes the log past this
  // many pages, on the event loop. Every batch of answers rewrites the same few index pages (the newest rows of each
  // index), so a longer log copies each of them once for more batches: at the default 1,000 pages (4 MB) one commit in
  // eight checkpointed, ~4 ms each, 60% of all COMMIT time under pnpm bench:ingest; at 4,000 (16 MB) a checkpoint is
  // rarer and the commits took 20% less time in all, +5% answers/s (three interleaved pairs). The log's file is
  // reused, not grown, after each.
  database.pragma('wal_autocheckpoint = 4000');
  database.pragma('foreign_keys = ON');
  // Another process on the same file (a second CLI, a backup) makes writers wait instead of failing at once.
  database.pragma('busy_timeout = 5000');
  const dialect =
    wal === null
      ? new SqliteDialect({ database: statements })
      : new WalSyncedSqliteDialect(
          { database: statements },
          { wal, inTransaction: () => database.inTransaction, isReadonly: (sql) => (statements.prepare(sql) as unknown as Statement).readonly },
        );
  const db = new Kysely<Database>({ dialect });
  let migrationsRun: string[];
  try {
    migrationsRun = await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  // A database in memory is this connection's alone: its reads stay on it.
  const reads = file === ':memory:' ? db : new Kysely<Database>({ dialect: new SqliteReadDialect(file) });
  return dbHandle(db, 'sqlite', migrationsRun, reads);
}
