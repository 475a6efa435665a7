import { sql } from 'kysely';
import type { Db } from './db.js';
import { migrations } from './migrations.js';

/**
 * The migrations this build knows and the database has not run: an instance started against a database another
 * deploy has not migrated yet, or a `closeloop migrate` still to come. Kysely's own listing is not used: it looks
 * its bookkeeping table up in any schema, and the search_path names the one to read. Once none is pending, none can
 * become pending again (migrations are never undone), so that answer is kept and `/readyz` stops asking.
 */
export function pendingMigrations(db: Db): () => Promise<string[]> {
  let current = false;
  return async () => {
    if (current) return [];
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db.kysely);
    const done = new Set(rows.map((r) => r.name));
    const pending = Object.keys(migrations).filter((name) => !done.has(name));
    current = pending.length === 0;
    return pending;
  };
}
