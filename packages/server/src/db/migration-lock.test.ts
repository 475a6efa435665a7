import pg from 'pg';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db.js';
import { MIGRATION_LOCK_CLASS } from './migrate.js';
import { migrations } from './migrations.js';
import { openPostgresDb } from './postgres.js';
import { openUnmigratedPostgres } from '../testing/test-dbs.js';
import type { UnmigratedTestDb } from '../testing/test-dbs.js';

const pgUrl = process.env['CLOSELOOP_TEST_DATABASE_URL'];

describe.skipIf(!pgUrl)('migrations under the advisory lock, several instances on one PostgreSQL', () => {
  let fresh: UnmigratedTestDb;
  const opened: Db[] = [];
  beforeEach(async () => {
    fresh = await openUnmigratedPostgres(pgUrl!);
  });
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.destroy();
    await fresh.cleanup();
  });

  const open = async () => {
    const db = await openPostgresDb({ connectionString: pgUrl!, schema: fresh.schema!, max: 2 });
    opened.push(db);
    return db;
  };

  it('four instances starting at once on a fresh schema: all come up, every migration recorded once', async () => {
    const results = await Promise.allSettled([open(), open(), open(), open()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(fresh.kysely);
    expect(rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
    // Each instance works on the one schema: what one writes, another reads.
    await sql`insert into jobs (id, kind, key, payload, status, attempts, max_attempts, run_at, created_at, updated_at) values ('j1', 'k', 'k1', '{}', 'pending', 0, 1, 'x', 'x', 'x')`.execute(opened[0]!.kysely);
    const seen = await sql<{ n: string }>`select count(*) as n from jobs`.execute(opened[3]!.kysely);
    expect(Number(seen.rows[0]!.n)).toBe(1);
  });

  it('an instance starting while another holds the migration lock waits for it, touching nothing, then starts', async () => {
    const holder = new pg.Client({ connectionString: pgUrl, options: `-c search_path=${fresh.schema}` });
    await holder.connect();
    try {
      await holder.query('select pg_advisory_lock($1, hashtext(current_schema()))', [MIGRATION_LOCK_CLASS]);
      let started = false;
      const starting = open().then(() => (started = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(started).toBe(false);
      // Not even Kysely's bookkeeping tables: everything happens under the lock.
      const tables = await holder.query(`select count(*)::int as n from pg_tables where schemaname = current_schema()`);
      expect(tables.rows[0].n).toBe(0);
      await holder.query('select pg_advisory_unlock($1, hashtext(current_schema()))', [MIGRATION_LOCK_CLASS]);
      await starting;
      expect(started).toBe(true);
    } finally {
      await holder.end();
    }
  });

  it('another schema’s lock does not hold this one up (staging beside production, parallel test runs)', async () => {
    const holder = new pg.Client({ connectionString: pgUrl });
    await holder.connect();
    try {
      await holder.query(`select pg_advisory_lock($1, hashtext('some_other_schema'))`, [MIGRATION_LOCK_CLASS]);
      await open();
    } finally {
      await holder.end();
    }
  });
});
