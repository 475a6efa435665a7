import { Migrator } from 'kysely';
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
 * Brings the schema up to date; Kysely's lock table keeps concurrent starts from migrating twice. Resolves to the
 * names of the migrations this call ran, in order (none when the schema was up to date): `closeloop migrate` prints them.
 */
export async function migrateToLatest(db: Kysely<unknown>, { schema }: MigrateOptions = {}): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema !== undefined && { migrationTableSchema: schema }) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
