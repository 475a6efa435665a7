import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordResponse } from '../ingest/record-response.js';
import { insertJob, insertJobRow, jobRow } from '../repos/jobs.js';
import { NOW, responseStep, seedProject } from '../testing/fixtures.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { insertAtCommit } from './insert-at-commit.js';
import { withTransaction } from './with-transaction.js';

describe.each(testDialects)('rows inserted at commit on $name', ({ open }) => {
  const t = useTestDb(open);
  const job = (key: string) => jobRow({ kind: 'test.record', key, payload: { note: key }, runAt: NOW, maxAttempts: 3 }, NOW);
  const keys = async () => (await t.db.kysely.selectFrom('jobs').select('key').orderBy('key').execute()).map((r) => r.key);

  it('are all there once the transaction commits, a key held twice kept once', async () => {
    await withTransaction(t.db.kysely, async (trx) => {
      for (const key of ['a', 'b', 'c', 'a']) await insertAtCommit(trx, 'jobs', job(key), (row) => insertJobRow(trx, row));
    });
    expect(await keys()).toEqual(['a', 'b', 'c']);
  });

  it('fail the commit when one fails: nothing of the transaction is written', async () => {
    const { project } = await seedProject(t.db);
    const failed = withTransaction(t.db.kysely, async (trx) => {
      await insertJob(trx, { kind: 'test.record', key: 'written-at-once', payload: {}, runAt: NOW, maxAttempts: 3 }, NOW);
      await insertAtCommit(trx, 'jobs', job('held'), (row) => insertJobRow(trx, row));
      // A timeline event of a case that does not exist: its foreign key refuses it.
      const event = {
        id: randomUUID(),
        project_id: project.id,
        case_id: randomUUID(),
        seq: 1,
        type: 'opened',
        actor: '{"kind":"system"}',
        at: NOW.toISOString(),
        before: null,
        after: null,
      };
      // SQLite inserts it at once, numbered as appendCaseEvents would; PostgreSQL holds it, its sequence numbers it.
      await insertAtCommit(trx, 'case_events', event, (row) => trx.insertInto('case_events').values({ ...row, stream_position: 1 }).execute());
    });
    // The event's own error (on PostgreSQL it goes out with the COMMIT, which the failure turns into a ROLLBACK).
    await expect(failed).rejects.toThrow(/foreign key/i);
    expect(await keys()).toEqual([]);
    // The connection is left fit for the next transaction.
    await withTransaction(t.db.kysely, async (trx) => insertAtCommit(trx, 'jobs', job('after'), (row) => insertJobRow(trx, row)));
    expect(await keys()).toEqual(['after']);
  });

  it('refuse a row with a column they do not write, naming it, rather than dropping the value', async () => {
    const failed = withTransaction(t.db.kysely, async (trx) => {
      const row = { ...job('odd'), priority: 5 } as ReturnType<typeof job>;
      await insertAtCommit(trx, 'jobs', row, (held) => trx.insertInto('jobs').values(held).execute());
    });
    await expect(failed).rejects.toThrow(/priority/);
    expect(await keys()).toEqual([]);
  });

  it('a thousand and more from one transaction, as a burst of answers would hold', async () => {
    const many = Array.from({ length: 2_345 }, (_, i) => `k${String(i).padStart(5, '0')}`);
    await withTransaction(t.db.kysely, async (trx) => {
      for (const key of many) await insertAtCommit(trx, 'jobs', job(key), (row) => insertJobRow(trx, row));
    });
    expect(await keys()).toEqual(many);
  });

  it('cases with their timelines and jobs, from one transaction, past a thousand rows of a table too', async () => {
    const { project } = await seedProject(t.db);
    const count = async (table: 'follow_ups' | 'case_events' | 'jobs') => Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    // Each detractor opens a case, its `opened` event and two jobs (notification, escalation): held together for one
    // statement, whose foreign keys (events to cases) hold at its end; 1,100 cases go table after table instead.
    for (const detractors of [3, 1_100]) {
      await withTransaction(t.db.kysely, async (trx) => {
        for (let i = 0; i < detractors; i++) await recordResponse(trx, responseStep(project.id, { respondent: { anonymousId: `customer-${detractors}-${i}`, verified: false } }));
      });
    }
    expect(await count('follow_ups')).toBe(1_103);
    expect(await count('case_events')).toBe(1_103);
    expect(await count('jobs')).toBe(2 * 1_103);
  });
});
