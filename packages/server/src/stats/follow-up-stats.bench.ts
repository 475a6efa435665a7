import { randomUUID } from 'node:crypto';
import { bench, describe } from 'vitest';
import { openSqliteDb } from '../db/sqlite.js';
import { PRIORITY_RANK } from '../repos/cases.js';
import { NOW, seedProject } from '../testing/fixtures.js';
import { getFollowUpStats } from './get-follow-up-stats.js';

// A busy month: 100,000 detractor answers in SQLite, each with its case, all inside the default 30-day window (the
// worst case: every row is read and every answer probes for a later one). 40,000 customers (so most answered more than
// once), 20 assignees in 4 teams, a third of the cases contacted, two fifths resolved with a root cause, a tenth with a
// next answer linked. It reports how long the whole stats reply takes; it asserts nothing about time.
const CASES = 100_000;
const CUSTOMERS = 40_000;
const BATCH = 500;
const HOUR = 3_600_000;
const db = await openSqliteDb({ file: ':memory:' });
const { project } = await seedProject(db);
const teams = Array.from({ length: 4 }, () => randomUUID());
const assignees = Array.from({ length: 20 }, () => randomUUID());
const causes = ['delivery', 'pricing', 'checkout-bug'];

await db.kysely.transaction().execute(async (trx) => {
  for (let start = 0; start < CASES; start += BATCH) {
    const rows = Array.from({ length: BATCH }, (_, j) => {
      const i = start + j;
      const openedAt = NOW.getTime() - (i % 40_000) * 60_000;
      return { i, id: randomUUID(), openedAt, at: new Date(openedAt).toISOString(), customer: `c-${i % CUSTOMERS}` };
    });
    await trx
      .insertInto('responses')
      .values(
        rows.map(({ i, id, at, customer }) => ({
          id,
          project_id: project.id,
          survey_id: 'nps',
          answers: JSON.stringify({ nps: i % 7 }),
          nps_score: i % 7,
          finished: 1,
          respondent: JSON.stringify({ anonymousId: customer }),
          anonymous_id: customer,
          verified: 0,
          context: '{"url":"https://shop.example/"}',
          answered_at: at,
          received_at: at,
          updated_at: at,
        })),
      )
      .execute();
    await trx
      .insertInto('follow_ups')
      .values(
        rows.map(({ i, id, openedAt, at, customer }) => {
          const resolved = i % 5 < 2;
          const resolvedAt = new Date(openedAt + (i % 72) * HOUR).toISOString();
          const rootCause = causes[i % causes.length] ?? null;
          return {
            id: randomUUID(),
            project_id: project.id,
            response_id: id,
            survey_id: 'nps',
            reason: JSON.stringify({ question: 'nps', value: i % 7 }),
            status: resolved ? 'resolved' : 'open',
            priority: 'normal',
            priority_rank: PRIORITY_RANK.normal,
            team_id: teams[i % teams.length] ?? null,
            assignee_id: assignees[i % assignees.length] ?? null,
            due_at: new Date(openedAt + 48 * HOUR).toISOString(),
            first_contact_at: i % 3 === 0 ? new Date(openedAt + (i % 60) * HOUR).toISOString() : null,
            resolution: resolved ? JSON.stringify({ resolution: 'fixed', summary: 'Sorted', rootCause, resolvedAt }) : null,
            root_cause: resolved ? rootCause : null,
            recovery_score: resolved && i % 4 === 0 ? i % 11 : null,
            created_at: at,
            updated_at: at,
            customer_anonymous_id: customer,
          };
        }),
      )
      .execute();
  }
});

const window = { from: new Date(NOW.getTime() - 30 * 24 * HOUR).toISOString(), to: NOW.toISOString() };

describe(`the follow-up stats over ${CASES.toLocaleString('en')} cases in the window (SQLite)`, () => {
  bench('GET /api/v1/stats/follow-ups: the last 30 days, every case and detractor in it', async () => {
    await getFollowUpStats(db.kysely, project.id, window, NOW);
  }, { iterations: 5, warmupIterations: 1 });
});
