import type { Db } from '../db/db.js';
import type { Logger } from '../log/logger.js';
import { silentLogger } from '../log/logger.js';
import { claimJobs, finishJob } from '../repos/jobs.js';
import type { ClaimedJob } from '../repos/jobs.js';
import { createDoneRecorder } from './done-recorder.js';
import type { JobDefinition } from './job-definition.js';
import { retryDelay } from './retry-delay.js';
import type { BackoffOptions } from './retry-delay.js';
import { onWake } from './wake.js';

export interface JobRunnerOptions {
  db: Db;
  /** The kinds this runner executes; a claimed job of another kind fails at once, visibly. */
  definitions: readonly JobDefinition[];
  /** How often to look for due jobs when nothing woke the runner: jobs queued by other processes, retries. Default 1 s. */
  pollMs?: number;
  /** How long a claim lasts; a job still running after it is taken over by another runner. Default 5 min. */
  leaseMs?: number;
  /** The most jobs one claim takes. Default 10. */
  batch?: number;
  /**
   * The most jobs running at once. A job is mostly waiting (on a receiver, on the database), so a slot that frees
   * is refilled at once, without waiting for the rest of its claim: one slow receiver holds one slot, not the
   * queue. Default 32.
   */
  concurrency?: number;
  backoff?: BackoffOptions;
  now?: () => Date;
  random?: () => number;
  /** Where failures are logged (job kind and id, never the payload); default none. */
  logger?: Logger;
  /** Where a failed attempt is reported; default one error line in `logger`. */
  onError?: (job: ClaimedJob, error: unknown) => void;
}

export interface JobRunner {
  start(): void;
  /** Stops claiming and resolves once the jobs already claimed have finished. */
  stop(): Promise<void>;
  /** Claim now (coalesced with a claim already under way). */
  wake(): void;
  /** Between `start()` and `stop()`: what `/healthz` reports. */
  isRunning(): boolean;
}

/**
 * Runs queued jobs after their transaction committed: woken in-process by `enqueue`, polling as the fallback for
 * jobs queued by other instances and for retries. Each job runs its definition's handler with its parsed payload;
 * a throw is retried with exponential backoff and jitter until the definition's attempts are spent, then the job is
 * `failed`, with its last error, and stays in the table to be seen.
 *
 * Up to `concurrency` jobs run at once, each slot refilled as soon as its job is recorded (not when a whole claim
 * is done: rounds that waited for their slowest job let the queue grow behind one slow receiver, and on PostgreSQL
 * left the pool idle while a burst of answers queued 1,000 notifications). Jobs that finish together are recorded
 * `done` in one statement (`createDoneRecorder`).
 */
export function createJobRunner({
  db,
  definitions,
  pollMs = 1_000,
  leaseMs = 5 * 60_000,
  batch = 10,
  concurrency = 32,
  backoff = { baseMs: 1_000, maxMs: 60 * 60_000 },
  now = () => new Date(),
  random = Math.random,
  logger = silentLogger(),
  onError = (job, error) => logger.error({ job: { kind: job.kind, id: job.id }, attempt: job.attempt, maxAttempts: job.maxAttempts, err: error }, 'job attempt failed'),
}: JobRunnerOptions): JobRunner {
  const byKind = new Map(definitions.map((d) => [d.kind, d]));
  let running = false;
  /** The claim under way, if any: claims never overlap, so a wake during one is never lost. */
  let claiming: Promise<void> | null = null;
  let again = false;
  /** Jobs claimed and not yet finished. */
  const inFlight = new Set<Promise<void>>();
  /** The last claim filled every slot it asked for: more may be due, so a slot that frees claims again. */
  let backlog = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  let unsubscribe = () => {};
  const recordDone = createDoneRecorder(db.kysely, now);

  async function runOne(job: ClaimedJob): Promise<void> {
    const definition = byKind.get(job.kind);
    if (definition === undefined) {
      await finishJob(db.kysely, job, { status: 'failed', error: `no job definition for kind "${job.kind}"` }, now());
      return;
    }
    const payload = definition.payload.safeParse(job.payload);
    if (!payload.success) {
      // A payload the code no longer accepts will not be accepted on a retry either.
      await finishJob(db.kysely, job, { status: 'failed', error: `invalid payload: ${payload.error.message}` }, now());
      return;
    }
    try {
      await definition.handle(payload.data, { attempt: job.attempt, key: job.key });
    } catch (error) {
      onError(job, error);
      const at = now();
      const givingUp = job.attempt >= job.maxAttempts;
      const outcome = givingUp
        ? { status: 'failed' as const, error: messageOf(error) }
        : { status: 'pending' as const, error: messageOf(error), retryAt: new Date(at.getTime() + retryDelay(job.attempt, backoff, random)) };
      // Only the runner that still holds the claim reports the final failure: one taken over has no say.
      const recorded = await finishJob(db.kysely, job, outcome, at);
      if (givingUp && recorded && definition.onGiveUp !== undefined) {
        await definition.onGiveUp(payload.data, { attempt: job.attempt, key: job.key, error: messageOf(error) }).catch((hookError: unknown) => onError(job, hookError));
      }
      return;
    }
    await recordDone(job);
  }

  function launch(job: ClaimedJob): void {
    const run: Promise<void> = runOne(job)
      // Only recording the outcome can throw here (the database is down): the lease lapses and the job runs again.
      .catch((error: unknown) => logger.error({ job: { kind: job.kind, id: job.id }, err: error }, 'recording a job outcome failed'))
      .finally(() => {
        inFlight.delete(run);
        if (backlog) wake();
      });
    inFlight.add(run);
  }

  /** When `fill` last looked for lapsed leases (performance.now()). */
  let lapsedCheckedAt = Number.NEGATIVE_INFINITY;

  /** Claims due jobs into the free slots until none are due or no slot is free; started jobs run on their own. */
  async function fill(): Promise<void> {
    do {
      again = false;
      const free = concurrency - inFlight.size;
      if (free <= 0) {
        // Full: the first job to finish claims again.
        backlog = true;
        return;
      }
      const limit = Math.min(free, batch);
      // Lapsed leases (a runner died) are looked for once per poll interval, not on every wake: on PostgreSQL that
      // is one round trip less per claim, and a dead runner's jobs wait a poll at most after their lease.
      const lapsed = performance.now() - lapsedCheckedAt >= pollMs;
      if (lapsed) lapsedCheckedAt = performance.now();
      const jobs = await claimJobs(db.kysely, { now: now(), leaseMs, limit, lapsed });
      for (const job of jobs) launch(job);
      // As many as asked for means more may be due: go on without waiting for a wake or the next poll.
      backlog = jobs.length === limit;
      if (backlog) again = true;
    } while (again && running);
  }

  function wake(): void {
    if (!running) return;
    if (claiming) {
      again = true;
      return;
    }
    claiming = fill()
      .catch((error: unknown) => logger.error({ err: error }, 'claiming jobs failed'))
      .finally(() => {
        claiming = null;
      });
  }

  return {
    start() {
      if (running) return;
      running = true;
      unsubscribe = onWake(wake);
      timer = setInterval(wake, pollMs);
      timer.unref?.();
      wake();
    },
    async stop() {
      running = false;
      unsubscribe();
      clearInterval(timer);
      await claiming;
      // Jobs started by the last claims run to the end; each finishing job may not start another (running is false).
      await Promise.all(inFlight);
    },
    wake,
    isRunning: () => running,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
