import { Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { dbHandle } from './db.js';
import type { Db } from './db.js';
import { migrateToLatest } from './migrate.js';
import { OwnSchemaPostgresDialect } from './own-schema-dialect.js';

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
  const db = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
  try {
    // The schema the search_path resolves to: the migrations' bookkeeping is looked up there, not in any schema.
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    const current = rows[0]?.schema;
    if (!current) throw new Error(`no schema to work in: the search_path${schema ? ` (${schema})` : ''} names none that exists`);
    await migrateToLatest(db as Kysely<unknown>, { schema: current });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return dbHandle(db, 'postgres');
}
