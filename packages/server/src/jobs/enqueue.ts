import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { afterCommit } from '../db/after-commit.js';
import type { Database } from '../db/database.js';
import { insertAtCommit } from '../db/insert-at-commit.js';
import { insertJob, insertJobRow, jobRow } from '../repos/jobs.js';
import { DEFAULT_MAX_ATTEMPTS } from './job-definition.js';
import type { JobKind } from './job-definition.js';
import { wakeRunners } from './wake.js';

export interface EnqueueOptions {
  /** Deterministic, e.g. `case:<id>:opened`: queuing the same key again does nothing. */
  key: string;
  now: Date;
  /** Not before this time (an SLA escalation at `dueAt`); default `now`. */
  runAt?: Date;
  /**
   * The key cannot be queued yet: it names a case this very transaction opened. Nothing reads the job back before
   * the commit, so its row waits for it (`insertAtCommit`: one insert for the batch's jobs on PostgreSQL).
   */
  newKey?: boolean;
}

/**
 * Queues a job in the caller's transaction (the outbox): it commits with the change that caused it or not at all,
 * and this process's runners are woken once the transaction commits when the job is due by then (one due later, a
 * case's escalation in 48 hours, is found by the runner's poll: a wake would only have it claim nothing, once per
 * batch of answers). The payload is checked against the definition's schema here, so a bad payload fails the use
 * case instead of a job hours later. True when queued, false when the key was queued already.
 */
export function enqueue<S extends z.ZodType>(
  trx: Transaction<Database>,
  definition: JobKind<S>,
  payload: z.input<S>,
  { key, now, runAt = now, newKey = false }: EnqueueOptions,
): Promise<boolean> {
  if (runAt.getTime() <= now.getTime()) afterCommit(trx, wakeRunners);
  const job = { kind: definition.kind, key, payload: definition.payload.parse(payload), runAt, maxAttempts: definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS };
  if (!newKey) return insertJob(trx, job, now);
  return insertAtCommit(trx, 'jobs', jobRow(job, now), (row) => insertJobRow(trx, row)).then(() => true);
}
