import { describe, expect, it } from 'vitest';
import { insertJob } from '../repos/jobs.js';
import { NOW } from '../testing/fixtures.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { beforeCommit } from './before-commit.js';
import { withTransaction } from './with-transaction.js';

describe.each(testDialects)('writes before the commit on $name', ({ open }) => {
  const t = useTestDb(open);
  const job = (key: string) => ({ kind: 'test.record', key, payload: {}, runAt: NOW, maxAttempts: 3 });
  const keys = async () => (await t.db.kysely.selectFrom('jobs').select('key').orderBy('key').execute()).map((r) => r.key);

  it('run inside the transaction after its work, in the order registered, one registered by another last', async () => {
    const order: string[] = [];
    await withTransaction(t.db.kysely, async (trx) => {
      beforeCommit(trx, async () => {
        order.push('first');
        beforeCommit(trx, async () => void order.push('registered by first'));
        await insertJob(trx, job('summed-up'), NOW);
      });
      beforeCommit(trx, async () => void order.push('second'));
      order.push('work');
    });
    expect(order).toEqual(['work', 'first', 'second', 'registered by first']);
    expect(await keys()).toEqual(['summed-up']);
  });

  it('a write registered as last runs after every other, those registered meanwhile too', async () => {
    const order: string[] = [];
    await withTransaction(t.db.kysely, async (trx) => {
      beforeCommit(trx, async () => void order.push('flush'), { last: true });
      beforeCommit(trx, async () => {
        order.push('first');
        beforeCommit(trx, async () => void order.push('registered by first'));
      });
    });
    expect(order).toEqual(['first', 'registered by first', 'flush']);
  });

  it('a throw fails the commit: nothing of the transaction is written', async () => {
    const failed = withTransaction(t.db.kysely, async (trx) => {
      await insertJob(trx, job('of-the-work'), NOW);
      beforeCommit(trx, () => Promise.reject(new Error('the summary cannot be written')));
    });
    await expect(failed).rejects.toThrow('the summary cannot be written');
    expect(await keys()).toEqual([]);
  });

  it('never run when the work throws', async () => {
    let ran = false;
    const failed = withTransaction(t.db.kysely, async (trx) => {
      beforeCommit(trx, async () => void (ran = true));
      throw new Error('work failed');
    });
    await expect(failed).rejects.toThrow('work failed');
    expect(ran).toBe(false);
  });
});
