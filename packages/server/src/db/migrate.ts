import { Migrator } from 'kysely';
import type { Kysely } from 'kysely';
import { migrations } from './migrations.js';

/** Brings the schema up to date; Kysely's lock table keeps concurrent starts from migrating twice. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
}
