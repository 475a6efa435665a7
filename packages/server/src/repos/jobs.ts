import { z } from 'zod';
import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { JobsTable } from '../db/database.js';
import { insertedAny } from '../db/inserted-any.js';
import type { Conn } from '../db/db.js';
import { preparedStatement } from '../db/prepared-statement.js';
import { dialectOf } from '../db/dialect-of.js';
import { newRowId } from '../db/new-row-id.js';

export const JobStatus = z.enum(['pending', 'running', 'done', 'failed']);
export type JobStatus = z.infer<typeof JobStatus>;

export interface NewJob {
  kind: string;
  key: string;
  payload: unknown;
  runAt: Date;
  maxAttempts: number;
}

/** A job as a runner holds it after claiming it: `attempt` is this claim's number (1 for the first run). */
export interface ClaimedJob {
  id: string;
  kind: string;
  key: string;
  payload: unknown;
  attempt: number;
  maxAttempts: number;
}

/** A job's state, for tests and for showing failed work. */
export interface StoredJob {
  id: string;
  kind: string;
  key: string;
  status: JobStatus;
  attempts: number;
  runAt: string;
  lastError: string | null;
}

const insertJobStatement = preparedStatement<Insertable<JobsTable>, never>((conn, p) =>
  conn
    .insertInto('jobs')
    .values({
      id: p('id'),
      kind: p('kind'),
      key: p('key'),
      payload: p('payload'),
      status: p('status'),
      attempts: p('attempts'),
      max_attempts: p('max_attempts'),
      run_at: p('run_at'),
      created_at: p('created_at'),
      updated_at: p('updated_at'),
    })
    .onConflict((oc) => oc.column('key').doNothing()),
);

/** Queues a job in the caller's transaction unless its key is queued already; true when it was added. */
export function insertJob(conn: Conn, job: NewJob, now: Date): Promise<boolean> {
  return insertJobRow(conn, jobRow(job, now));
}

/** Inserts a row made by {@link jobRow} unless its key is queued already; true when it was added. */
export async function insertJobRow(conn: Conn, row: Insertable<JobsTable>): Promise<boolean> {
  return insertedAny(await insertJobStatement(conn, row));
}

/** The row of a new job, pending. */
export function jobRow(job: NewJob, now: Date): Insertable<JobsTable> {
  return {
    id: newRowId(),
    kind: job.kind,
    key: job.key,
    payload: JSON.stringify(job.payload),
    status: 'pending',
    attempts: 0,
    max_attempts: job.maxAttempts,
    run_at: job.runAt.toISOString(),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
}

/**
 * Claims up to `limit` due jobs for `leaseMs`: running ones whose lease lapsed (their runner died) first, then pending
 * ones whose time has come, oldest first. On PostgreSQL the candidates are locked FOR UPDATE SKIP LOCKED, so runners
 * in any number of processes take disjoint jobs without waiting on each other; SQLite has one writer at a time, so the
 * statement is the lock. Each claim bumps `attempts`.
 *
 * Two statements, each walking the (status, run_at) index in order and stopping at its limit. One statement with
 * `(pending and due) or (running and lapsed)` made SQLite gather every due job and sort them all: under a burst,
 * with a backlog of 3,000 notifications, each claim took 1.7 ms to hand out ten. `lapsed: false` skips the first
 * statement (a lease lapses only when a runner died or overran, so the runner looks for them once per poll).
 */
export async function claimJobs(
  conn: Conn,
  { now, leaseMs, limit, lapsed: takeLapsed = true }: { now: Date; leaseMs: number; limit: number; lapsed?: boolean },
): Promise<ClaimedJob[]> {
  const claim = { at: now.toISOString(), lockedUntil: new Date(now.getTime() + leaseMs).toISOString() };
  const lapsed = takeLapsed ? await claimWhere(conn, 'running', 'locked_until', claim, limit) : [];
  const due = lapsed.length < limit ? await claimWhere(conn, 'pending', 'run_at', claim, limit - lapsed.length) : [];
  return [...lapsed, ...due].map((r) => ({ id: r.id, kind: r.kind, key: r.key, payload: JSON.parse(r.payload), attempt: r.attempts, maxAttempts: r.max_attempts }));
}

/** Claims up to `limit` jobs in `status` whose `time` column has passed, in run_at order. */
function claimWhere(conn: Conn, status: 'pending' | 'running', time: 'run_at' | 'locked_until', { at, lockedUntil }: { at: string; lockedUntil: string }, limit: number) {
  return conn
    .updateTable('jobs')
    .set((eb) => ({ status: 'running', attempts: eb('attempts', '+', 1), locked_until: lockedUntil, updated_at: at }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', status)
        .where(time, '<=', at)
        .orderBy('run_at')
        // A literal (an integer the runner chose): SQLite walks the index faster with `limit 10` than `limit ?`.
        .limit(sql.lit(limit))
        .$if(dialectOf(conn) === 'postgres', (q) => q.forUpdate().skipLocked()),
    )
    .returning(['id', 'kind', 'key', 'payload', 'attempts', 'max_attempts'])
    .execute();
}

/**
 * Records a claim's outcome: `done`, `failed`, or `pending` again at `retryAt`. Only the current claim may (same
 * attempt, still running): a runner that outlived its lease, whose job another runner took over, changes nothing.
 * True when the outcome was recorded.
 */
export async function finishJob(
  conn: Conn,
  job: Pick<ClaimedJob, 'id' | 'attempt'>,
  outcome: { status: 'done' } | { status: 'failed'; error: string } | { status: 'pending'; error: string; retryAt: Date },
  now: Date,
): Promise<boolean> {
  const result = await conn
    .updateTable('jobs')
    .set({
      status: outcome.status,
      locked_until: null,
      last_error: outcome.status === 'done' ? null : outcome.error,
      ...(outcome.status === 'pending' && { run_at: outcome.retryAt.toISOString() }),
      updated_at: now.toISOString(),
    })
    .where('id', '=', job.id)
    .where('attempts', '=', job.attempt)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Records several claims as `done` in one statement (the runner batches the jobs that finish together). Like
 * {@link finishJob}, only the current claims change: a job whose lease lapsed and was taken over stays with its new
 * runner. How many were recorded.
 */
export async function finishJobsDone(conn: Conn, jobs: readonly Pick<ClaimedJob, 'id' | 'attempt'>[], now: Date): Promise<number> {
  if (jobs.length === 0) return 0;
  const result = await conn
    .updateTable('jobs')
    .set({ status: 'done', locked_until: null, last_error: null, updated_at: now.toISOString() })
    .where((eb) => eb.or(jobs.map((job) => eb.and([eb('id', '=', job.id), eb('attempts', '=', job.attempt)]))))
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findJobByKey(conn: Conn, key: string): Promise<StoredJob | null> {
  const row = await conn.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirst();
  if (row === undefined) return null;
  return { id: row.id, kind: row.kind, key: row.key, status: JobStatus.parse(row.status), attempts: row.attempts, runAt: row.run_at, lastError: row.last_error };
}

/**
 * Makes the pending jobs under `keys` that are due later than `now` due at `now` (held notices whose wait is over).
 * How many changed.
 */
export async function releaseHeldJobs(conn: Conn, keys: readonly string[], now: Date): Promise<number> {
  if (keys.length === 0) return 0;
  const at = now.toISOString();
  const result = await conn
    .updateTable('jobs')
    .set({ run_at: at, updated_at: at })
    .where('key', 'in', keys)
    .where('status', '=', 'pending')
    .where('run_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Whether any of the jobs under `keys` is still held: pending, and not due until after `now`. */
export async function anyHeldJob(conn: Conn, keys: readonly string[], now: Date): Promise<boolean> {
  if (keys.length === 0) return false;
  const held = await conn
    .selectFrom('jobs')
    .select('key')
    .where('key', 'in', keys)
    .where('status', '=', 'pending')
    .where('run_at', '>', now.toISOString())
    .limit(1)
    .executeTakeFirst();
  return held !== undefined;
}

/**
 * Replaces with `erased` the last errors of the jobs whose key starts with one of `prefixes` (a case's `case:<id>:`,
 * a message's `message:<id>:`): a mail server's refusal quotes the address. How many changed.
 */
export async function eraseJobErrors(conn: Conn, prefixes: string[], erased: string): Promise<number> {
  if (prefixes.length === 0) return 0;
  const result = await conn
    .updateTable('jobs')
    .set({ last_error: erased })
    .where((eb) => eb.or(prefixes.map((prefix) => eb('key', 'like', `${prefix}%`))))
    .where('last_error', 'is not', null)
    .where('last_error', '!=', erased)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
