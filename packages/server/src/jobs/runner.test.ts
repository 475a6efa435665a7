import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withTransaction } from '../db/with-transaction.js';
import { claimJobs, finishJob, findJobByKey, insertJob } from '../repos/jobs.js';
import { testDialects } from '../testing/test-dbs.js';
import type { TestDb } from '../testing/test-dbs.js';
import { enqueue } from './enqueue.js';
import { defineJob } from './job-definition.js';
import type { JobDefinition } from './job-definition.js';
import { createJobRunner } from './runner.js';
import type { JobRunner } from './runner.js';

const quiet = () => {};

describe.each(testDialects)('job runner on $name', ({ open }) => {
  let t: TestDb;
  const runners: JobRunner[] = [];
  beforeEach(async () => {
    t = await open();
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    await t.cleanup();
  });

  /** A definition that records each run, failing while `failures` says so. */
  function recorder(options: { failures?: number; maxAttempts?: number } = {}) {
    const runs: string[] = [];
    let failuresLeft = options.failures ?? 0;
    const definition = defineJob({
      kind: 'test.record',
      payload: z.object({ note: z.string() }),
      ...(options.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }),
      async handle({ note }) {
        runs.push(note);
        if (failuresLeft-- > 0) throw new Error('receiver down');
      },
    });
    return { runs, definition };
  }

  function runner(definitions: readonly JobDefinition[], options: Partial<Parameters<typeof createJobRunner>[0]> = {}) {
    const created = createJobRunner({ db: t.db, definitions, pollMs: 60_000, backoff: { baseMs: 20, maxMs: 40 }, onError: quiet, ...options });
    runners.push(created);
    created.start();
    return created;
  }

  const queue = (definition: JobDefinition, key: string, note = key) =>
    withTransaction(t.db.kysely, (trx) => enqueue(trx, definition, { note }, { key, now: new Date() }));

  it('runs a job as soon as its transaction commits, woken in-process, long before the next poll', async () => {
    const { runs, definition } = recorder();
    runner([definition]);
    const queuedAt = Date.now();
    expect(await queue(definition, 'case:1:opened')).toBe(true);
    await vi.waitFor(() => expect(runs).toEqual(['case:1:opened']), { timeout: 2_000, interval: 5 });
    expect(Date.now() - queuedAt).toBeLessThan(1_000);
    await vi.waitFor(async () => expect(await findJobByKey(t.db.kysely, 'case:1:opened')).toMatchObject({ status: 'done', attempts: 1 }));
  });

  it('never runs a job whose transaction rolled back, and queues a key once', async () => {
    const { runs, definition } = recorder();
    const active = runner([definition], { pollMs: 10 });
    await expect(
      withTransaction(t.db.kysely, async (trx) => {
        await enqueue(trx, definition, { note: 'lost' }, { key: 'case:2:opened', now: new Date() });
        throw new Error('the case insert failed');
      }),
    ).rejects.toThrow('the case insert failed');
    expect(await findJobByKey(t.db.kysely, 'case:2:opened')).toBeNull();

    expect(await queue(definition, 'case:3:opened', 'first')).toBe(true);
    expect(await queue(definition, 'case:3:opened', 'second')).toBe(false);
    await vi.waitFor(() => expect(runs).toEqual(['first']), { timeout: 2_000, interval: 5 });
    active.wake();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runs).toEqual(['first']);
  });

  it('refuses a payload its definition does not accept when queuing, so the use case fails instead of the job', async () => {
    const { definition } = recorder();
    await expect(
      withTransaction(t.db.kysely, (trx) => enqueue(trx, definition, { note: 7 } as unknown as { note: string }, { key: 'bad', now: new Date() })),
    ).rejects.toThrow();
    expect(await findJobByKey(t.db.kysely, 'bad')).toBeNull();
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const { runs, definition } = recorder({ failures: 2 });
    runner([definition], { pollMs: 10 });
    await queue(definition, 'case:4:opened');
    await vi.waitFor(async () => expect(await findJobByKey(t.db.kysely, 'case:4:opened')).toMatchObject({ status: 'done', attempts: 3, lastError: null }), {
      timeout: 3_000,
      interval: 10,
    });
    expect(runs).toHaveLength(3);
  });

  it('marks a job failed, with its last error, once its attempts are spent, and runs it no more', async () => {
    const { runs, definition } = recorder({ failures: 99, maxAttempts: 2 });
    runner([definition], { pollMs: 10 });
    await queue(definition, 'case:5:opened');
    await vi.waitFor(async () => expect(await findJobByKey(t.db.kysely, 'case:5:opened')).toMatchObject({ status: 'failed', attempts: 2, lastError: 'receiver down' }), {
      timeout: 3_000,
      interval: 10,
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(runs).toHaveLength(2);
  });

  it('tells the definition once, with the last error, when a job gives up, and never while it still retries', async () => {
    const { definition } = recorder({ failures: 99, maxAttempts: 3 });
    const gaveUp: { note: string; attempt: number; error: string }[] = [];
    const withHook = defineJob({ ...definition, onGiveUp: async ({ note }, { attempt, error }) => void gaveUp.push({ note, attempt, error }) });
    runner([withHook], { pollMs: 10 });
    await queue(withHook, 'case:6:opened');
    await vi.waitFor(async () => expect(await findJobByKey(t.db.kysely, 'case:6:opened')).toMatchObject({ status: 'failed', attempts: 3 }), { timeout: 3_000, interval: 10 });
    await vi.waitFor(() => expect(gaveUp).toEqual([{ note: 'case:6:opened', attempt: 3, error: 'receiver down' }]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(gaveUp).toHaveLength(1);
  });

  it('fails a job of a kind nobody defines, or with a payload the definition no longer accepts, without retrying', async () => {
    const { definition } = recorder();
    runner([definition], { pollMs: 10 });
    await insertJob(t.db.kysely, { kind: 'test.unknown', key: 'orphan', payload: {}, runAt: new Date(), maxAttempts: 5 }, new Date());
    await insertJob(t.db.kysely, { kind: 'test.record', key: 'stale', payload: { note: 1 }, runAt: new Date(), maxAttempts: 5 }, new Date());
    await vi.waitFor(async () => {
      expect(await findJobByKey(t.db.kysely, 'orphan')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'no job definition for kind "test.unknown"' });
      expect(await findJobByKey(t.db.kysely, 'stale')).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('invalid payload') });
    });
  });

  /** A definition whose runs wait until the test releases them, by note; records which started and finished. */
  function gate() {
    const started: string[] = [];
    const finished: string[] = [];
    const releases = new Map<string, () => void>();
    const definition = defineJob({
      kind: 'test.gate',
      payload: z.object({ note: z.string() }),
      async handle({ note }) {
        started.push(note);
        await new Promise<void>((resolve) => releases.set(note, resolve));
        finished.push(note);
      },
    });
    const release = (note: string) => releases.get(note)?.();
    return { started, finished, release, definition };
  }

  it('runs a job queued while a slow one is still running, without waiting for the slow one (no head-of-line blocking)', async () => {
    const { started, finished, release, definition } = gate();
    runner([definition]);
    await queue(definition, 'slow');
    await vi.waitFor(() => expect(started).toEqual(['slow']), { timeout: 2_000, interval: 5 });
    await queue(definition, 'fast');
    await vi.waitFor(() => expect(started).toEqual(['slow', 'fast']), { timeout: 2_000, interval: 5 });
    release('fast');
    await vi.waitFor(async () => expect(await findJobByKey(t.db.kysely, 'fast')).toMatchObject({ status: 'done' }), { timeout: 2_000, interval: 5 });
    expect(finished).toEqual(['fast']);
    expect(await findJobByKey(t.db.kysely, 'slow')).toMatchObject({ status: 'running' });
    release('slow');
    await vi.waitFor(async () => expect(await findJobByKey(t.db.kysely, 'slow')).toMatchObject({ status: 'done' }), { timeout: 2_000, interval: 5 });
  });

  it('runs at most `concurrency` jobs at once, and starts the next as soon as one finishes', async () => {
    const { started, release, definition } = gate();
    runner([definition], { concurrency: 2 });
    const notes = ['a', 'b', 'c', 'd'];
    await withTransaction(t.db.kysely, async (trx) => {
      for (const note of notes) await enqueue(trx, definition, { note }, { key: note, now: new Date() });
    });
    await vi.waitFor(() => expect(started).toHaveLength(2), { timeout: 2_000, interval: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toHaveLength(2);
    // One slot frees: exactly one more starts, with no wake and long before the next poll.
    release(started[0]!);
    await vi.waitFor(() => expect(started).toHaveLength(3), { timeout: 2_000, interval: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toHaveLength(3);
    for (const note of notes) release(note);
    await vi.waitFor(() => expect(started).toHaveLength(4), { timeout: 2_000, interval: 5 });
    for (const note of notes) release(note);
    await vi.waitFor(async () => {
      for (const note of notes) expect(await findJobByKey(t.db.kysely, note)).toMatchObject({ status: 'done' });
    }, { timeout: 2_000, interval: 5 });
  });

  it('stop() waits for the jobs already running, and claims nothing more', async () => {
    const { started, finished, release, definition } = gate();
    const active = runner([definition]);
    await queue(definition, 'running');
    await vi.waitFor(() => expect(started).toEqual(['running']), { timeout: 2_000, interval: 5 });
    let stopped = false;
    const stopping = active.stop().then(() => (stopped = true));
    await queue(definition, 'after-stop');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release('running');
    await stopping;
    expect(finished).toEqual(['running']);
    expect(await findJobByKey(t.db.kysely, 'after-stop')).toMatchObject({ status: 'pending' });
  });

  it('shares the queue between two instances: each of many jobs runs exactly once', async () => {
    const { runs, definition } = recorder();
    const other = await t.openAnother();
    runner([definition], { pollMs: 5, batch: 3 });
    const second = createJobRunner({ db: other, definitions: [definition], pollMs: 5, batch: 3, onError: quiet });
    runners.push(second);
    second.start();
    const keys = Array.from({ length: 30 }, (_, i) => `case:${i}:opened`);
    await withTransaction(t.db.kysely, async (trx) => {
      for (const key of keys) await enqueue(trx, definition, { note: key }, { key, now: new Date() });
    });
    await vi.waitFor(() => expect(runs).toHaveLength(30), { timeout: 5_000, interval: 10 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([...runs].sort()).toEqual([...keys].sort());
  });

  it('takes over a job whose runner died once its lease lapses, and the late runner can no longer record an outcome', async () => {
    const at = new Date('2026-11-23T10:00:00.000Z');
    const later = (ms: number) => new Date(at.getTime() + ms);
    await insertJob(t.db.kysely, { kind: 'test.record', key: 'leased', payload: { note: 'x' }, runAt: at, maxAttempts: 5 }, at);

    const [first] = await claimJobs(t.db.kysely, { now: at, leaseMs: 1_000, limit: 5 });
    expect(first).toMatchObject({ key: 'leased', attempt: 1 });
    expect(await claimJobs(t.db.kysely, { now: later(999), leaseMs: 1_000, limit: 5 })).toEqual([]);
    const [takenOver] = await claimJobs(t.db.kysely, { now: later(1_000), leaseMs: 1_000, limit: 5 });
    expect(takenOver).toMatchObject({ key: 'leased', attempt: 2 });

    expect(await finishJob(t.db.kysely, first!, { status: 'done' }, later(1_100))).toBe(false);
    expect(await finishJob(t.db.kysely, takenOver!, { status: 'done' }, later(1_200))).toBe(true);
    expect(await findJobByKey(t.db.kysely, 'leased')).toMatchObject({ status: 'done', attempts: 2 });
  });
});
