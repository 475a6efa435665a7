import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { KyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrate.js';
import type { Store } from './store.js';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:5432/db`, usually `DATABASE_URL`. */
  connectionString: string;
  /** Schema to work in (sets search_path); tests give each run its own. Defaults to the server's search_path. */
  schema?: string;
  /** Pool size; defaults to 10. */
  max?: number;
}

/** The production store: a pg pool, so concurrent requests run concurrent transactions. Migrated before returned. */
export async function createPostgresStore({ connectionString, schema, max = 10 }: PostgresStoreOptions): Promise<Store> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  const pool = new pg.Pool({
    connectionString,
    max,
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyStore(db, 'postgres');
}
