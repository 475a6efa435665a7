import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { NOW, npsSurvey, seedProject } from '../testing/fixtures.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { LOOKUP_TTL_MS } from './lookup-cache.js';
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
});
