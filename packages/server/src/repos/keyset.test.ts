import { sql } from 'kysely';
import type { RootOperationNode } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqliteTestDb } from '../testing/test-dbs.js';
import { keysetPage } from './keyset.js';

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
