import { join, resolve } from 'node:path';
import type { Db } from '../db/db.js';
import type { Logger } from '../log/logger.js';
import { openPostgresDb } from '../db/postgres.js';
import { openSqliteDb } from '../db/sqlite.js';

export interface OpenedDb {
  db: Db;
  /** Where the data lives, for the start-up banner (the PostgreSQL password is masked). */
  location: string;
}

/** PostgreSQL when `DATABASE_URL` is set, otherwise SQLite in `<dataDir>/closeloop.sqlite`. Migrated. */
export async function openDb(env: NodeJS.ProcessEnv, dataDir: string, logger?: Logger): Promise<OpenedDb> {
  const url = env['DATABASE_URL'];
  if (url !== undefined && url !== '') {
    return { db: await openPostgresDb({ connectionString: url, ...(logger && { logger }) }), location: `postgres ${maskPassword(url)}` };
  }
  const file = resolve(join(dataDir, 'closeloop.sqlite'));
  return { db: await openSqliteDb({ file }), location: `sqlite ${file}` };
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
