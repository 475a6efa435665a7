import { bench, describe } from 'vitest';
import { openSqliteDb } from '../db/sqlite.js';
import { NOW, seedProject } from '../testing/fixtures.js';
import { seedCaseQueue } from '../testing/case-queue-seed.js';
import { countCasesByStatus, listCases } from './cases.js';

// The support queue of a busy project: 100,000 cases in SQLite (survey cases, a tenth of them with a comment),
// spread over priorities, statuses, assignees and three weeks of due times. It reports how long a page of the queue
// takes; it asserts nothing about time (machines differ), the plans are asserted in migrations.test.ts.
const CASES = 100_000;
const db = await openSqliteDb({ file: ':memory:' });
const { project } = await seedProject(db);
const assignees = await seedCaseQueue(db, project.id, CASES);

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
