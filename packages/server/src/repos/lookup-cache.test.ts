import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { NOW, npsSurvey, seedProject } from '../testing/fixtures.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { withTransaction } from '../db/with-transaction.js';
import { LOOKUP_TTL_MS, lookupCache } from './lookup-cache.js';
import { findProjectByPublicKeyCached, updateProjectProfile } from './projects.js';
import { findSurveyCached, upsertSurvey } from './surveys.js';

describe.each(testDialects)('cached lookups on $name', ({ open }) => {
  const t = useTestDb(open);

  it('shows a change made through this instance at once', async () => {
    const { project } = await seedProject(t.db);
    expect(await findSurveyCached(t.db.kysely, project.id, 'nps')).toMatchObject({ active: true });
    await upsertSurvey(t.db.kysely, project.id, { ...npsSurvey, active: false }, NOW);
    expect(await findSurveyCached(t.db.kysely, project.id, 'nps')).toMatchObject({ active: false });

    expect((await findProjectByPublicKeyCached(t.db.kysely, 'pk_shop'))?.allowedOrigins).toEqual(['https://shop.example']);
    await t.db.kysely.transaction().execute((trx) => updateProjectProfile(trx, project.id, { allowedOrigins: ['https://other.example'] }));
    expect((await findProjectByPublicKeyCached(t.db.kysely, 'pk_shop'))?.allowedOrigins).toEqual(['https://other.example']);
  });

  it('shows a project created after its key was asked for', async () => {
    expect(await findProjectByPublicKeyCached(t.db.kysely, 'pk_late')).toBeNull();
    await seedProject(t.db, 'late');
    expect(await findProjectByPublicKeyCached(t.db.kysely, 'pk_late')).toMatchObject({ publicKey: 'pk_late' });
  });

  it('shows a change made elsewhere (another instance, by hand) within the time to live', async () => {
    const { project } = await seedProject(t.db);
    expect(await findSurveyCached(t.db.kysely, project.id, 'nps')).toMatchObject({ active: true });
    const inactive = JSON.stringify({ ...npsSurvey, active: false });
    await sql`update surveys set definition = ${inactive}, active = 0 where project_id = ${project.id}`.execute(t.db.kysely);
    expect(await findSurveyCached(t.db.kysely, project.id, 'nps')).toMatchObject({ active: true });
    await new Promise((resolve) => setTimeout(resolve, LOOKUP_TTL_MS + 50));
    expect(await findSurveyCached(t.db.kysely, project.id, 'nps')).toMatchObject({ active: false });
  });

  it('keeps each database its own values', async () => {
    const other = await open();
    try {
      await seedProject(t.db, 'same');
      expect(await findProjectByPublicKeyCached(t.db.kysely, 'pk_same')).not.toBeNull();
      expect(await findProjectByPublicKeyCached(other.db.kysely, 'pk_same')).toBeNull();
    } finally {
      await other.cleanup();
    }
  });

  it('reads once for the requests that miss together, and again for one after a write of this instance', async () => {
    const cache = lookupCache<number>('test-together');
    let reads = 0;
    const read = async () => {
      reads++;
      const before = reads;
      await t.db.kysely.selectFrom('projects').select('id').execute();
      return before;
    };
    expect(await Promise.all(Array.from({ length: 20 }, () => cache.get(t.db.kysely, 'k', read)))).toEqual(Array(20).fill(1));
    expect(reads).toBe(1);
    // A read begun before the clear is not joined after it, and what it brings is not kept.
    const early = cache.get(t.db.kysely, 'again', read);
    cache.clear(t.db.kysely);
    const late = cache.get(t.db.kysely, 'again', read);
    expect([await early, await late]).toEqual([2, 3]);
    expect(await cache.get(t.db.kysely, 'again', read)).toBe(3);
  });

  it('never makes a caller inside a transaction wait for a read on the pool (on SQLite, that read waits for the transaction)', async () => {
    await seedProject(t.db);
    const cache = lookupCache<number>('test-inside');
    const count = (conn: typeof t.db.kysely) => async () => (await conn.selectFrom('projects').select('id').execute()).length;
    let outside: Promise<number> | undefined;
    const inside = await withTransaction(t.db.kysely, async (trx) => {
      await trx.selectFrom('projects').select('id').execute();
      outside = cache.get(t.db.kysely, 'k', count(t.db.kysely));
      return cache.get(trx, 'k', count(trx));
    });
    expect([inside, await outside]).toEqual([1, 1]);
  });
});
