import type { Db } from '../db/db.js';
import { claimJobs, finishJob } from '../repos/jobs.js';
import type { ClaimedJob } from '../repos/jobs.js';
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
  /** Jobs claimed (and run concurrently) per round. Default 10. */
  batch?: number;
  backoff?: BackoffOptions;
  now?: () => Date;
  random?: () => number;
  /** Where a failed attempt is reported; default one console.error line. */
  onError?: (job: ClaimedJob, error: unknown) => void;
}

export interface JobRunner {
  start(): void;
  /** Stops claiming and resolves once the jobs already claimed have finished. */
  stop(): Promise<void>;
  /** Claim now (coalesced with a round already under way). */
  wake(): void;
}

/**
 * Runs queued jobs after their transaction committed: woken in-process by `enqueue`, polling as the fallback for
 * jobs queued by other instances and for retries. Each job runs its definition's handler with its parsed payload;
 * a throw is retried with exponential backoff and jitter until the definition's attempts are spent, then the job is
 * `failed`, with its last error, and stays in the table to be seen.
 */
export function createJobRunner({
  db,
  definitions,
  pollMs = 1_000,
  leaseMs = 5 * 60_000,
  batch = 10,
  backoff = { baseMs: 1_000, maxMs: 60 * 60_000 },
  now = () => new Date(),
  random = Math.random,
  onError = (job, error) => console.error(`closeloop: job ${job.kind} ${job.key} attempt ${job.attempt} failed: ${messageOf(error)}`),
}: JobRunnerOptions): JobRunner {
  const byKind = new Map(definitions.map((d) => [d.kind, d]));
  let running = false;
  let round: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  let unsubscribe = () => {};

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
    await finishJob(db.kysely, job, { status: 'done' }, now());
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      const jobs = await claimJobs(db.kysely, { now: now(), leaseMs, limit: batch });
      await Promise.all(jobs.map(runOne));
      // A full batch means more may be due: go on without waiting for the next poll.
      if (jobs.length === batch) again = true;
    } while (again && running);
  }

  function wake(): void {
    if (!running) return;
    if (round) {
      again = true;
      return;
    }
    round = drain()
      .catch((error: unknown) => console.error(`closeloop: claiming jobs failed: ${messageOf(error)}`))
      .finally(() => {
        round = null;
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
      await round;
    },
    wake,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
