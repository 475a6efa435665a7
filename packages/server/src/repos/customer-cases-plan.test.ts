import { randomBytes } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { openPostgresDb } from '../db/postgres.js';
import { withStatementCache } from '../db/statement-cache.js';
import { NOW, responseStep, seedProject } from '../testing/fixtures.js';
import { adminQuery } from '../testing/test-dbs.js';
import { findCaseAwaitingNextAnswer } from './case-recovery.js';
import { listCustomerCases } from './cases.js';
import { insertResponsesFindingAwaitingCases } from './responses.js';

const pgUrl = process.env['CLOSELOOP_TEST_DATABASE_URL'];

/**
 * SQLite's plan for the customer lookups that run on every NPS answer and every new case. The queries are taken from
 * the repos as Kysely compiles them, so a change to either the query or the indexes shows here.
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

/**
 * PostgreSQL plans by table statistics, which a new database does not have until autovacuum's first ANALYZE: the plan
 * a new server makes and keeps for its batch insert is the one a new database gets, and what this test looks at.
 */
describe.runIf(pgUrl)('customer case lookups on PostgreSQL', () => {
  it('on a new database, a batch of answers finds each one’s case through the customer index, not every case no answer measured yet', async () => {
    const schema = `closeloop_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(pgUrl!, `create schema ${schema}`);
    // One connection, so the statement prepared by the insert is the one explained.
    const db = await openPostgresDb({ connectionString: pgUrl!, schema, max: 1 });
    try {
      const { project } = await seedProject(db);
      // 300 open cases of other customers, none measured by an answer yet: the size at which the whole recovery index
      // looked the cheaper way to the cases a new answer may measure (a few hundred cases into a new database's first
      // minute; at 50 or 2,000 the planner chose the customer index).
      const [k, at] = [300, NOW.toISOString()];
      await sql`insert into responses (id, project_id, survey_id, answers, finished, respondent, verified, context, answered_at, received_at, updated_at, anonymous_id, nps_score, page_path)
        select 'r-' || n, ${project.id}, 'nps', '{"nps":3}', 1, '{}', 0, '{}', ${at}, ${at}, ${at}, 'customer-' || n, 3, '/' from generate_series(1, ${k}::int) as n`.execute(db.kysely);
      await sql`insert into follow_ups (id, project_id, response_id, survey_id, status, priority, reason, due_at, created_at, updated_at, customer_anonymous_id)
        select 'c-' || n, ${project.id}, 'r-' || n, 'nps', 'open', 'high', 'detractor', ${at}, ${at}, ${at}, 'customer-' || n from generate_series(1, ${k}::int) as n`.execute(db.kysely);
      await insertResponsesFindingAwaitingCases(db.kysely, [{ response: responseStep(project.id), npsScore: 3, customer: { userId: null, anonymousId: 'anon-1' } }]);
      const { rows } = await sql<{ name: string; parameters: number }>`
        select name, cardinality(parameter_types) as parameters from pg_prepared_statements where statement like 'with given as%'`.execute(db.kysely);
      const [{ name, parameters }] = rows as [{ name: string; parameters: number }];
      // The plan PostgreSQL keeps after a statement's first runs, whatever the values: its generic plan.
      await sql`set plan_cache_mode = force_generic_plan`.execute(db.kysely);
      const plan = await sql.raw<{ 'QUERY PLAN': string }>(`explain execute ${name}(${Array(parameters).fill('null').join(', ')})`).execute(db.kysely);
      const details = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(details).toMatch(/using follow_ups_project_customer_anonymous_created on follow_ups/);
      expect(details).toMatch(/using follow_ups_project_customer_user_created on follow_ups/);
      expect(details).not.toMatch(/follow_ups_recovery_response/);
    } finally {
      await db.destroy();
      await adminQuery(pgUrl!, `drop schema ${schema} cascade`);
    }
  }, 60_000);
});
