import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { withStatementCache } from '../db/statement-cache.js';
import { findCaseAwaitingNextAnswer } from './case-recovery.js';
import { listCustomerCases } from './cases.js';

/**
 * SQLite's plan for the customer lookups that run on every NPS answer and every new case. The queries are taken from
 * the repos as Kysely compiles them, so a change to either the query or the indexes shows here. (PostgreSQL plans by
 * table statistics, which a test database of a few rows does not have: its plan would say nothing.)
 */
describe('customer case lookups on SQLite', () => {
  it('seek the customer’s own cases through the customer index, not every case of the project', async () => {
    const compiled: CompiledQuery[] = [];
    const database = new Sqlite(':memory:');
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(database) }),
      log: (event) => {
        if (event.level === 'query') compiled.push(event.query);
      },
    });
    try {
      await migrateToLatest(db as Kysely<unknown>);
      const at = '2026-11-30T10:00:00.000Z';
      for (const customer of [{ userId: 'user-1', anonymousId: 'anon-1' }, { userId: null, anonymousId: 'anon-2' }]) {
        compiled.length = 0;
        await findCaseAwaitingNextAnswer(db, 'p', customer, { responseId: 'r', answeredBy: at });
        await listCustomerCases(db, 'p', customer, 'c', { openedBy: at, limit: 5 });
        const column = customer.userId === null ? 'anonymous' : 'user';
        expect(compiled).toHaveLength(2);
        for (const query of compiled) {
          const plan = database.prepare(`explain query plan ${query.sql}`).all(...query.parameters) as { detail: string }[];
          const details = plan.map((row) => row.detail).join('\n');
          expect(details).toMatch(new RegExp(`USING INDEX follow_ups_project_customer_${column}_created \\(project_id=\\? AND customer_${column}_id=\\? AND created_at<`));
          // Newest first straight from the index: no sort of the customer's cases either.
          expect(details).not.toMatch(/TEMP B-TREE/);
        }
      }
    } finally {
      await db.destroy();
    }
  });
});
