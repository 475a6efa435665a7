import { describe, expect, it } from 'vitest';
import { seedProject } from '../testing/fixtures.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { preparedStatement } from './prepared-statement.js';

// The active surveys of a project whose id starts with a given text: one named parameter, one constant (active = 1).
const surveyIds = preparedStatement<{ projectId: string; prefix: string }, { id: string }>((conn, p) =>
  conn.selectFrom('surveys').select('id').where('project_id', '=', p('projectId')).where('id', 'like', p('prefix')).where('active', '=', 1).orderBy('id'),
);

describe.each(testDialects)('preparedStatement on $name', ({ open }) => {
  const t = useTestDb(open);

  it('runs with the values of each call, and keeps the constants it was built with', async () => {
    const { project: shop } = await seedProject(t.db, 'shop');
    const { project: other } = await seedProject(t.db, 'other');
    await t.db.kysely.updateTable('surveys').set({ active: 0 }).where('project_id', '=', other.id).execute();

    expect((await surveyIds(t.db.kysely, { projectId: shop.id, prefix: 'n%' })).rows).toEqual([{ id: 'nps' }]);
    expect((await surveyIds(t.db.kysely, { projectId: shop.id, prefix: 'x%' })).rows).toEqual([]);
    // The inactive survey stays out: `active = 1` was compiled in, not taken from a call.
    expect((await surveyIds(t.db.kysely, { projectId: other.id, prefix: 'n%' })).rows).toEqual([]);
  });

  it('runs inside a transaction, and in another database of the same dialect', async () => {
    const { project } = await seedProject(t.db);
    const rows = await t.db.kysely.transaction().execute(async (trx) => (await surveyIds(trx, { projectId: project.id, prefix: '%' })).rows);
    expect(rows).toEqual([{ id: 'nps' }]);
    const second = await open();
    try {
      const { project: elsewhere } = await seedProject(second.db, 'elsewhere');
      expect((await surveyIds(second.db.kysely, { projectId: elsewhere.id, prefix: '%' })).rows).toEqual([{ id: 'nps' }]);
    } finally {
      await second.cleanup();
    }
  });

  it('refuses a call that leaves a parameter out, naming it', async () => {
    const { project } = await seedProject(t.db);
    await expect(surveyIds(t.db.kysely, { projectId: project.id } as never)).rejects.toThrow(/parameter "prefix"/);
  });
});
