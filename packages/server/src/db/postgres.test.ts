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
  });
});
