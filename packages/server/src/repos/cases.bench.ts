import { randomUUID } from 'node:crypto';
import { bench, describe } from 'vitest';
import { openSqliteDb } from '../db/sqlite.js';
import { NOW, seedProject } from '../testing/fixtures.js';
import { PRIORITY_RANK, countCasesByStatus, listCases } from './cases.js';

// The support queue of a busy project: 100,000 cases in SQLite (survey cases, a tenth of them with a comment),
// spread over priorities, statuses, assignees and three weeks of due times. It reports how long a page of the queue
// takes; it asserts nothing about time (machines differ), the plans are asserted in migrations.test.ts.
const CASES = 100_000;
const BATCH = 500;
const db = await openSqliteDb({ file: ':memory:' });
const { project } = await seedProject(db);
const priorities = ['urgent', 'high', 'normal', 'low'] as const;
const statuses = ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'] as const;
const assignees = Array.from({ length: 20 }, () => randomUUID());
const words = ['parcel', 'refund', 'checkout', 'login', 'price', 'slow', 'support', 'app'];

await db.kysely.transaction().execute(async (trx) => {
  for (let start = 0; start < CASES; start += BATCH) {
    const rows = Array.from({ length: BATCH }, (_, j) => {
      const i = start + j;
      const at = new Date(NOW.getTime() - (i % 30_000) * 60_000).toISOString();
      const comment = i % 10 === 0 ? `${words[i % words.length]} problem number ${i}` : null;
      return { i, id: randomUUID(), at, comment };
    });
    await trx
      .insertInto('responses')
      .values(
        rows.map(({ id, at, comment }) => ({
          id,
          project_id: project.id,
          survey_id: 'nps',
          answers: JSON.stringify(comment === null ? { nps: 3 } : { nps: 3, comment }),
          finished: 1,
          respondent: '{"anonymousId":"a"}',
          anonymous_id: 'a',
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
        rows.map(({ i, id, at, comment }) => {
          const priority = priorities[i % 4] ?? 'normal';
          return {
            id: randomUUID(),
            project_id: project.id,
            response_id: id,
            survey_id: 'nps',
            reason: '{"question":"nps","value":3}',
            status: statuses[i % 5] ?? 'open',
            priority,
            priority_rank: PRIORITY_RANK[priority],
            assignee_id: i % 3 === 0 ? null : (assignees[i % assignees.length] ?? null),
            due_at: new Date(Date.parse(at) + 48 * 3_600_000).toISOString(),
            created_at: at,
            updated_at: at,
            search_text: comment ?? '',
            customer_anonymous_id: 'a',
          };
        }),
      )
      .execute();
  }
});

const secondPage = (await listCases(db.kysely, project.id, { limit: 50 })).next ?? undefined;
const assignee = assignees[1];

describe(`the case queue over ${CASES.toLocaleString('en')} cases (SQLite)`, () => {
  bench('default list: first page of 50, priority then due', async () => {
    await listCases(db.kysely, project.id, { limit: 50 });
  });
  bench('default list: a later page (keyset seek)', async () => {
    await listCases(db.kysely, project.id, { limit: 50, after: secondPage });
  });
  bench('filtered: status=open, one assignee, overdue', async () => {
    await listCases(db.kysely, project.id, { limit: 50, status: 'open', assigneeId: assignee, overdueAt: NOW.toISOString() });
  });
  bench('q search: comment contains "refund"', async () => {
    await listCases(db.kysely, project.id, { limit: 50, q: 'refund' });
  });
  bench('counts per status (every case of the project)', async () => {
    await countCasesByStatus(db.kysely, project.id, {});
  });
});
