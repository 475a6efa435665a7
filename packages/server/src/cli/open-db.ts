import { join, resolve } from 'node:path';
import type { ServerConfig } from '../config/resolve-config.js';
import type { Db } from '../db/db.js';
import type { Logger } from '../log/logger.js';
import { openPostgresDb } from '../db/postgres.js';
import { openSqliteDb } from '../db/sqlite.js';
import { CommandError } from './command-error.js';
import { messageOf } from './message-of.js';

export interface OpenedDb {
  db: Db;
  /** Where the data lives, for the start-up banner (the PostgreSQL password is masked). */
  location: string;
}

type StoreConfig = Pick<ServerConfig, 'databaseUrl' | 'dataDir'>;

/**
 * PostgreSQL when `databaseUrl` is set, otherwise SQLite in `<dataDir>/closeloop.sqlite`, relative to `cwd`.
 * Migrated; a failure is a {@link CommandError} (exit 1) saying where.
 */
export async function openDb({ databaseUrl, dataDir }: StoreConfig, cwd = process.cwd(), logger?: Logger): Promise<OpenedDb> {
  const location = databaseUrl === null ? `sqlite ${resolve(cwd, join(dataDir, 'closeloop.sqlite'))}` : `postgres ${maskPassword(databaseUrl)}`;
  try {
    if (databaseUrl !== null) return { db: await openPostgresDb({ connectionString: databaseUrl, ...(logger && { logger }) }), location };
    return { db: await openSqliteDb({ file: resolve(cwd, join(dataDir, 'closeloop.sqlite')) }), location };
  } catch (error) {
    throw new CommandError(`cannot open the database (${location}): ${messageOf(error)}`, { cause: error });
  }
}

/** Runs `work` on the opened database and closes it afterwards, also when `work` fails. */
export async function withDb<T>(config: StoreConfig, cwd: string, work: (opened: OpenedDb) => Promise<T>): Promise<T> {
  const opened = await openDb(config, cwd);
  try {
    return await work(opened);
  } finally {
    await opened.db.destroy();
  }
}

function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}
