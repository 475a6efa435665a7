import { Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from '../log/logger.js';
import type { Database } from './database.js';
import { dbHandle } from './db.js';
import type { Db } from './db.js';
import { migrateToLatest } from './migrate.js';
import { OwnSchemaPostgresDialect } from './own-schema-dialect.js';
import { useNamedStatements } from './postgres-named-statements.js';

export interface PostgresDbOptions {
  /** `postgres://user:password@host:5432/db`, usually `DATABASE_URL`. */
  connectionString: string;
  /** Schema to work in (sets search_path); tests give each run its own. Defaults to the server's search_path. */
  schema?: string;
  /** Pool size; defaults to 10. */
  max?: number;
  /** Where a dropped idle connection is reported; default one console.error line. */
  logger?: Logger;
}

/** The production database: a pg pool, so concurrent requests run concurrent transactions. Migrated before returned. */
export async function openPostgresDb({ connectionString, schema, max = 10, logger }: PostgresDbOptions): Promise<Db> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  const pool = new pg.Pool({
    connectionString,
    max,
    // A server that stops answering fails a request after this long (a 503 the client retries) instead of holding it.
    connectionTimeoutMillis: 5_000,
    // A statement is written to the connection at once, not after the reply to the one before: what lets a
    // transaction's last insert and its COMMIT share one round trip (send-ahead-of-commit.ts). Everything else awaits
    // each reply before sending the next statement, as without.
    pipeline: true,
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  });
  // An idle pooled connection the server drops (restart, pg_terminate_backend) is an 'error' event on the pool:
  // unheard, it would crash the process. The pool discards that connection and opens a new one when next needed.
  pool.on('error', (error) =>
    logger === undefined ? console.error(`closeloop: PostgreSQL dropped an idle connection: ${error.message}`) : logger.warn({ err: error }, 'PostgreSQL dropped an idle connection'),
  );
  // A connection lost while a request holds it is an 'error' event on that client, which the pool does not hear
  // then: unheard, it too would crash the process. The request's query is rejected with the same error (a 503), and
  // the pool discards the client on release, so there is nothing more to do here.
  pool.on('connect', (client) => {
    client.on('error', () => {});
    useNamedStatements(client);
  });
  const db = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
  let migrationsRun: string[];
  try {
    // The schema the search_path resolves to: the migrations' bookkeeping is looked up there, not in any schema.
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    const current = rows[0]?.schema;
    if (!current) throw new Error(`no schema to work in: the search_path${schema ? ` (${schema})` : ''} names none that exists`);
    migrationsRun = await migrateToLatest(db as Kysely<unknown>, { schema: current });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return dbHandle(db, 'postgres', migrationsRun);
}
