import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { seedProject } from '../testing/fixtures.js';
import { openPostgresTestDb } from '../testing/test-dbs.js';
import { findProjectByPublicKey } from '../repos/projects.js';

const pgUrl = process.env['CLOSELOOP_TEST_DATABASE_URL'];

describe.runIf(pgUrl)('openPostgresDb', () => {
  it('migrates its own schema while another schema on the same database already holds migrated tables', async () => {
    // Kysely's migrator looks for its bookkeeping tables by name; without the schema it finds another schema's and
    // skips creating its own (two test runs, or two apps, sharing one PostgreSQL).
    const first = await openPostgresTestDb(pgUrl!);
    try {
      const second = await openPostgresTestDb(pgUrl!);
      try {
        await seedProject(second.db);
        expect(await findProjectByPublicKey(second.db.kysely, 'pk_shop')).not.toBeNull();
        expect(await findProjectByPublicKey(first.db.kysely, 'pk_shop')).toBeNull();
      } finally {
        await second.cleanup();
      }
    } finally {
      await first.cleanup();
    }
  }, 60_000);

  it('starts while other schemas of the same database are created and dropped (parallel test runs, other apps)', async () => {
    // Kysely's stock introspection resolves every table of every schema by name; a schema dropped meanwhile made a
    // start fail with "schema … does not exist". Ours reads only its own schema.
    const churn = new pg.Client({ connectionString: pgUrl });
    await churn.connect();
    let churning = true;
    const churned = (async () => {
      for (let i = 0; churning; i++) {
        const name = `closeloop_churn_${process.pid}_${i}`;
        await churn.query(`create schema ${name}`);
        await churn.query(`create table ${name}.t (id serial primary key, a text, b text, c text)`);
        await churn.query(`drop schema ${name} cascade`);
      }
    })();
    try {
      for (let i = 0; i < 6; i++) {
        const opened = await openPostgresTestDb(pgUrl!);
        await opened.cleanup();
      }
    } finally {
      churning = false;
      await churned;
      await churn.end();
    }
  }, 120_000);
});
