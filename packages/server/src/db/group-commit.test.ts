import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { describe, expect, it } from 'vitest';
import { recordResponse } from '../ingest/record-response.js';
import type { RecordResponseInput } from '../ingest/record-response.js';
import { listCases } from '../repos/cases.js';
import { listResponses } from '../repos/responses.js';
import { responseStep, seedProject } from '../testing/fixtures.js';
import { refuseCaseInserts } from '../testing/refuse-case-inserts.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { afterCommit } from './after-commit.js';
import type { Database } from './database.js';
import { createGroupCommit } from './group-commit.js';

/** A promoter's answer from a browser of its own. */
const answer = (projectId: string, overrides: Partial<RecordResponseInput> = {}) =>
  responseStep(projectId, { answers: { nps: 9 }, respondent: { anonymousId: `anon-${randomUUID()}`, verified: false }, ...overrides });

describe.each(testDialects)('group commit on $name', ({ name, open }) => {
  const t = useTestDb(open);

  it('runs the units handed in together in one transaction, each resolved with its own result', async () => {
    const { project } = await seedProject(t.db);
    const transactions = new Set<Transaction<Database>>();
    const answers = Array.from({ length: 10 }, () => answer(project.id));
    const results = await Promise.all(
      answers.map((a) =>
        t.db.groupCommit.run((trx) => {
          transactions.add(trx);
          return recordResponse(trx, a);
        }),
      ),
    );
    expect(transactions.size).toBe(1);
    expect(results.map((r) => (r.outcome === 'created' ? r.id : r.outcome))).toEqual(answers.map((a) => a.id));
    expect((await listResponses(t.db.kysely, project.id, { limit: 20 })).data).toHaveLength(10);
  });

  it('fails only the unit that fails: the others of its batch commit, the failing one gets its error and writes nothing', async () => {
    const { project } = await seedProject(t.db);
    // A detractor opens a case, which the database now refuses (on PostgreSQL that aborts the whole transaction).
    await refuseCaseInserts(t.db);
    const promoters = Array.from({ length: 5 }, () => answer(project.id));
    const detractor = answer(project.id, { answers: { nps: 2 } });
    const batch = [...promoters.slice(0, 2), detractor, ...promoters.slice(2)];
    const settled = await Promise.allSettled(batch.map((a) => t.db.groupCommit.run((trx) => recordResponse(trx, a))));

    expect(settled[2]).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: expect.stringMatching(/case refused/) }) });
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(5);
    const stored = (await listResponses(t.db.kysely, project.id, { limit: 20 })).data.map((r) => r.id);
    expect(stored.sort()).toEqual(promoters.map((a) => a.id).sort());
  });

  it('merges two steps of one response in one batch: the second sees the first one’s row', async () => {
    const { project } = await seedProject(t.db);
    const first = answer(project.id, { answers: { nps: 3 } });
    const second = { ...first, answers: { comment: 'Slow delivery' }, finished: true };
    const [one, two] = await Promise.all([first, second].map((a) => t.db.groupCommit.run((trx) => recordResponse(trx, a))));

    expect(one).toMatchObject({ outcome: 'created', followUpId: expect.any(String) });
    expect(two).toMatchObject({ outcome: 'merged', followUpId: one?.outcome === 'created' ? one.followUpId : 'none' });
    const [stored] = (await listResponses(t.db.kysely, project.id, { limit: 5 })).data;
    expect(stored).toMatchObject({ id: first.id, answers: { nps: 3, comment: 'Slow delivery' }, finished: true });
    expect((await listCases(t.db.kysely, project.id, { limit: 5 })).data).toHaveLength(1);
  });

  it('resolves a unit only once its transaction has committed', async () => {
    const { project } = await seedProject(t.db);
    let committed = false;
    const seenAtResolve: { committed: boolean; stored: number }[] = [];
    const answers = Array.from({ length: 3 }, () => answer(project.id));
    await Promise.all(
      answers.map((a, i) =>
        t.db.groupCommit
          .run(async (trx) => {
            if (i === 0) afterCommit(trx, () => (committed = true));
            return recordResponse(trx, a);
          })
          // On PostgreSQL this read takes another connection of the pool, which sees committed rows only.
          .then(async () => {
            const flag = committed;
            const row = await t.db.kysely.selectFrom('responses').select('id').where('id', '=', a.id).executeTakeFirst();
            seenAtResolve.push({ committed: flag, stored: row === undefined ? 0 : 1 });
          }),
      ),
    );
    expect(seenAtResolve).toEqual(Array.from({ length: 3 }, () => ({ committed: true, stored: 1 })));
  });

  it('gives every unit of the batch the outage at once when the database is down, without running each again', async () => {
    const { project } = await seedProject(t.db);
    const outage = Object.assign(new Error('disk full'), { code: name === 'sqlite' ? 'SQLITE_FULL' : '53100' });
    let runs = 0;
    const settled = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) =>
        t.db.groupCommit.run(async (trx) => {
          runs++;
          if (i === 1) throw outage;
          return recordResponse(trx, answer(project.id));
        }),
      ),
    );
    expect(settled.map((s) => (s.status === 'rejected' ? s.reason : 'ok'))).toEqual([outage, outage, outage, outage]);
    // The two units before the failing one, and it: nothing ran twice, nothing after it ran.
    expect(runs).toBe(2);
    expect((await listResponses(t.db.kysely, project.id, { limit: 5 })).data).toEqual([]);
  });

  it('caps a batch, and drain() waits for every unit handed in', async () => {
    const { project } = await seedProject(t.db);
    const group = createGroupCommit(t.db.kysely, { dialect: t.db.dialect, maxBatch: 4 });
    const transactions = new Set<Transaction<Database>>();
    const settled: string[] = [];
    for (let i = 0; i < 10; i++) {
      const a = answer(project.id);
      void group
        .run((trx) => {
          transactions.add(trx);
          return recordResponse(trx, a);
        })
        .then(() => settled.push(a.id));
    }
    await group.drain();
    expect(settled).toHaveLength(10);
    expect(transactions.size).toBe(3);
  });

  it('runs a batch that waited for its turn (begun early on PostgreSQL) after the one before has committed', async () => {
    const { project } = await seedProject(t.db);
    const group = createGroupCommit(t.db.kysely, { dialect: t.db.dialect });
    const score = answer(project.id, { answers: { nps: 3 } });
    const ran: string[] = [];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = group.run(async (trx) => {
      const result = await recordResponse(trx, score);
      await held;
      ran.push('score');
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The comment's batch opens while the score's runs: it waits, its transaction begun (PostgreSQL), its unit not run.
    const second = group.run(async (trx) => {
      ran.push('comment');
      return recordResponse(trx, { ...score, answers: { comment: 'Slow delivery' }, finished: true });
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ran).toEqual([]);
    release();
    expect(await first).toMatchObject({ outcome: 'created' });
    // It saw the score's committed row, and merged into it.
    expect(await second).toMatchObject({ outcome: 'merged' });
    expect(ran).toEqual(['score', 'comment']);
  });

  it.runIf(name === 'postgres')('runs several batches side by side on the pool', async () => {
    const { project } = await seedProject(t.db);
    const group = createGroupCommit(t.db.kysely, { dialect: t.db.dialect, maxBatch: 1, concurrency: 2 });
    // Each unit waits inside its transaction until both have started: two transactions open at once, or a timeout.
    let started = 0;
    let bothStarted: () => void = () => {};
    const both = new Promise<void>((resolve) => (bothStarted = resolve));
    const results = await Promise.all(
      [answer(project.id), answer(project.id)].map((a) =>
        group.run(async (trx) => {
          const result = await recordResponse(trx, a);
          if (++started === 2) bothStarted();
          await both;
          return result;
        }),
      ),
    );
    expect(results.map((r) => r.outcome)).toEqual(['created', 'created']);
  }, 10_000);
});
