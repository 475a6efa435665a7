import { Migrator, PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';
import { migrations } from './migrations.js';

export interface MigrateOptions {
  /**
   * The PostgreSQL schema the tables live in. Kysely finds its bookkeeping tables by name in any schema unless it
   * is told which, so a second schema on the same database (another test run, another app) would make it skip
   * creating its own.
   */
  schema?: string;
}

/**
 * The first key of the migration lock (`pg_advisory_lock(int, int)`): "closeloop migrate"; the second is the schema's
 * hash, so two schemas on one database (test runs, staging beside production) migrate independently.
 */
export const MIGRATION_LOCK_CLASS = 0x0c10_5e10;

/**
 * Brings the schema up to date. Resolves to the names of the migrations this call ran, in order (none when the
 * schema was up to date): `closeloop migrate` prints them.
 *
 * On PostgreSQL several instances may start at once on one database: the first takes a session advisory lock on one
 * connection and migrates through it, the others wait for it there and then find nothing left to run. Kysely's own
 * lock covers each migration run but not the creation of its bookkeeping tables before it; this one covers the
 * whole. SQLite needs none: its one writer at a time is the lock, and several processes on one file is not a setup
 * this server supports (see docs/deploy.md).
 */
export async function migrateToLatest(db: Kysely<unknown>, { schema }: MigrateOptions = {}): Promise<string[]> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return runMigrations(db, schema);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_CLASS}, hashtext(current_schema()))`.execute(conn);
    try {
      return await runMigrations(conn, schema);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_CLASS}, hashtext(current_schema()))`.execute(conn);
    }
  });
}

async function runMigrations(db: Kysely<unknown>, schema: string | undefined): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema !== undefined && { migrationTableSchema: schema }) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
