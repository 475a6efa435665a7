import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { insertJob, insertJobRow, jobRow } from '../repos/jobs.js';
import { NOW, seedProject } from '../testing/fixtures.js';
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
        stream_position: 1,
      };
      await insertAtCommit(trx, 'case_events', event, (row) => trx.insertInto('case_events').values(row).execute());
    });
    await expect(failed).rejects.toThrow();
    expect(await keys()).toEqual([]);
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
});
