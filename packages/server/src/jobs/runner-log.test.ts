import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withTransaction } from '../db/with-transaction.js';
import { findJobByKey } from '../repos/jobs.js';
import { captureLog } from '../testing/log-capture.js';
import { openSqliteTestDb } from '../testing/test-dbs.js';
import type { TestDb } from '../testing/test-dbs.js';
import { enqueue } from './enqueue.js';
import { defineJob } from './job-definition.js';
import { createJobRunner } from './runner.js';
import type { JobRunner } from './runner.js';

describe('job runner log', () => {
  let t: TestDb;
  let runner: JobRunner | undefined;
  beforeEach(async () => {
    t = await openSqliteTestDb();
  });
  afterEach(async () => {
    await runner?.stop();
    await t.cleanup();
  });

  it('a failed attempt is one error line with the job’s kind and id, the attempt and the error: never the payload', async () => {
    const log = captureLog('trace');
    const definition = defineJob({
      kind: 'test.mail',
      payload: z.object({ to: z.string(), comment: z.string() }),
      maxAttempts: 1,
      async handle() {
        throw new Error('550 mailbox unavailable');
      },
    });
    runner = createJobRunner({ db: t.db, definitions: [definition], pollMs: 60_000, logger: log.logger });
    runner.start();
    await withTransaction(t.db.kysely, (trx) => enqueue(trx, definition, { to: 'ana@shop.example', comment: 'broken on arrival' }, { key: 'case:1:mail', now: new Date() }));
    await vi.waitFor(async () => expect(await findJobByKey(t.db.kysely, 'case:1:mail')).toMatchObject({ status: 'failed' }));
    const job = await findJobByKey(t.db.kysely, 'case:1:mail');
    expect(log.lines()).toEqual([
      expect.objectContaining({ level: 'error', msg: 'job attempt failed', job: { kind: 'test.mail', id: job!.id }, attempt: 1, maxAttempts: 1, err: expect.objectContaining({ message: '550 mailbox unavailable' }) }),
    ]);
    expect(log.text()).not.toMatch(/ana@shop\.example|broken on arrival/);
  });
});
