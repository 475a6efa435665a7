import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './database.js';
import { dbHandle } from './db.js';
import type { Db } from './db.js';
import { migrateToLatest } from './migrate.js';
import { withStatementCache } from './statement-cache.js';

export interface SqliteDbOptions {
  /** Database file, created with its folder when missing; `:memory:` for a throwaway database (tests). */
  file: string;
}

/** The zero-setup database: one file, WAL so readers never wait on the writer. Migrated before it is returned. */
export async function openSqliteDb({ file }: SqliteDbOptions): Promise<Db> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Sqlite(file);
  database.pragma('journal_mode = WAL');
  // Every commit waits for the WAL to reach the disk, so an acknowledged answer survives a power cut, not only a
  // crash of the process (NORMAL would). This is SQLite's default, said here so nobody trades it for speed: the group
  // commit (group-commit.ts) pays that fsync once per batch of answers instead.
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  // Another process on the same file (a second CLI, a backup) makes writers wait instead of failing at once.
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  let migrationsRun: string[];
  try {
    migrationsRun = await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return dbHandle(db, 'sqlite', migrationsRun);
}
