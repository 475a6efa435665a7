import { sql } from 'kysely';
import type { RootOperationNode } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedProject } from '../testing/fixtures.js';
import { openSqliteTestDb, testDialects } from '../testing/test-dbs.js';
import { keysetPage, readInSlices } from './keyset.js';

describe('keysetPage', () => {
  it('seeks a later page through the list index instead of scanning past the earlier pages (SQLite plan)', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    try {
      // Capture the statement keysetPage runs, then ask SQLite how it runs it.
      let ran: RootOperationNode | undefined;
      const spy = db.kysely.withPlugin({
        transformQuery: ({ node }) => (ran = node),
        transformResult: async ({ result }) => result,
      });
      const query = spy.selectFrom('responses as r').selectAll('r').where('r.project_id', '=', 'p');
      const after = { at: '2026-11-23T10:00:00.000Z', id: 'x' };
      await keysetPage(query, { at: 'r.received_at', id: 'r.id' }, { limit: 50, after }, (row) => row, (row) => ({ at: row.received_at, id: row.id }));
      const compiled = db.kysely.getExecutor().compileQuery(ran!, { queryId: 'keyset' });
      const plan = await sql<{ detail: string }>`explain query plan ${sql.raw(compiled.sql.replace(/\?/g, "'x'"))}`.execute(db.kysely);
      expect(plan.rows.map((row) => row.detail).join('\n')).toMatch(/USING INDEX responses_project_received \(project_id=\? AND \(received_at,id\)<\(\?,\?\)\)/);
    } finally {
      await cleanup();
    }
  });
});

describe.each(testDialects)('readInSlices on $name', ({ open }) => {
  it('reads every row once and in order, across slices that split rows of the same time, letting other work run between slices', async () => {
    const { db, cleanup } = await open();
    try {
      const { project } = await seedProject(db);
      // Seven teams, four made at the same moment: slices of two split that tie, which only the id breaks.
      const made = ['2026-11-01', '2026-11-02', '2026-11-02', '2026-11-02', '2026-11-02', '2026-11-03', '2026-11-04'];
      const teams = made.map((day, i) => ({ id: `team-${7 - i}`, project_id: project.id, name: `Team ${i}`, created_at: `${day}T00:00:00.000Z`, updated_at: `${day}T00:00:00.000Z` }));
      await db.kysely.insertInto('teams').values(teams).execute();
      const expected = [...teams].sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? -1 : 1) : a.created_at < b.created_at ? -1 : 1)).map((t) => t.id);

      const seen: string[] = [];
      setImmediate(() => seen.push('other work'));
      const query = db.kysely.selectFrom('teams').select(['id', 'created_at']).where('project_id', '=', project.id);
      const ids = await readInSlices(query, ['created_at', 'id'], (row) => (seen.push(row.id), row.id), (row) => [row.created_at, row.id], { sliceRows: 2 });
      expect(ids).toEqual(expected);
      // What was waiting for the event loop ran before the read ended, not after.
      expect(seen.indexOf('other work')).toBeGreaterThan(-1);
      expect(seen.indexOf('other work')).toBeLessThan(seen.length - 1);
    } finally {
      await cleanup();
    }
  });
});
