import { Migrator } from 'kysely';
import type { Kysely } from 'kysely';
import { migrations } from './migrations.js';

/**
 * Brings the schema up to date; Kysely's lock table keeps concurrent starts from migrating twice. With `schema`
 * (PostgreSQL's search_path), Kysely's own tables are looked for in that schema only: its check otherwise finds
 * another schema's `kysely_migration_lock` (another test run's, another app's) and then fails to read its own.
 */
export async function migrateToLatest(db: Kysely<unknown>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema !== undefined && { migrationTableSchema: schema }) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
}
