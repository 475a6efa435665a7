import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { dbHandle } from './db.js';
import type { Db } from './db.js';
import { migrateToLatest } from './migrate.js';

export interface PostgresDbOptions {
  /** `postgres://user:password@host:5432/db`, usually `DATABASE_URL`. */
  connectionString: string;
  /** Schema to work in (sets search_path); tests give each run its own. Defaults to the server's search_path. */
  schema?: string;
  /** Pool size; defaults to 10. */
  max?: number;
}

/** The production database: a pg pool, so concurrent requests run concurrent transactions. Migrated before returned. */
export async function openPostgresDb({ connectionString, schema, max = 10 }: PostgresDbOptions): Promise<Db> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  const pool = new pg.Pool({
    connectionString,
    max,
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db as Kysely<unknown>, schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return dbHandle(db, 'postgres');
}
