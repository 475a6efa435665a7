import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import { claimJobs, findJobByKey, insertJob } from '../repos/jobs.js';
import { testDialects } from '../testing/test-dbs.js';
import type { TestDb } from '../testing/test-dbs.js';
import { createDoneRecorder } from './done-recorder.js';

describe.each(testDialects)('recording finished jobs on $name', ({ open }) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await open();
  });
  afterEach(() => t.cleanup());

  /** The statements run through the returned connection, by kind (`UpdateQueryNode`, …). */
  function counted() {
    const kinds: string[] = [];
    const plugin: KyselyPlugin = {
      transformQuery: ({ node }) => {
        kinds.push(node.kind);
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    return { conn: t.db.kysely.withPlugin(plugin), updates: () => kinds.filter((k) => k === 'UpdateQueryNode').length };
  }

  async function claimed(n: number, at = new Date('2026-11-23T10:00:00.000Z')) {
    for (let i = 0; i < n; i += 1) await insertJob(t.db.kysely, { kind: 'test', key: `job-${i}`, payload: {}, runAt: at, maxAttempts: 3 }, at);
    return claimJobs(t.db.kysely, { now: at, leaseMs: 60_000, limit: n });
  }

  it('writes the first at once and those finishing meanwhile together: two statements for six jobs', async () => {
    const jobs = await claimed(6);
    const { conn, updates } = counted();
    const recordDone = createDoneRecorder(conn, () => new Date('2026-11-23T10:00:01.000Z'));
    await Promise.all(jobs.map((job) => recordDone(job)));
    expect(updates()).toBe(2);
    for (let i = 0; i < 6; i += 1) expect(await findJobByKey(t.db.kysely, `job-${i}`)).toMatchObject({ status: 'done', attempts: 1, lastError: null });
  });

  it('leaves a job taken over by another runner to that runner', async () => {
    const at = new Date('2026-11-23T10:00:00.000Z');
    const [first] = await claimed(1, at);
    const [takenOver] = await claimJobs(t.db.kysely, { now: new Date(at.getTime() + 60_000), leaseMs: 60_000, limit: 1 });
    expect(takenOver).toMatchObject({ key: 'job-0', attempt: 2 });
    const recordDone = createDoneRecorder(t.db.kysely, () => new Date(at.getTime() + 61_000));
    await recordDone(first!);
    expect(await findJobByKey(t.db.kysely, 'job-0')).toMatchObject({ status: 'running', attempts: 2 });
    await recordDone(takenOver!);
    expect(await findJobByKey(t.db.kysely, 'job-0')).toMatchObject({ status: 'done', attempts: 2 });
  });
});
