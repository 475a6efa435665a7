import type { Insertable, Transaction } from 'kysely';
import type { CaseEventsTable, Database, JobsTable } from './database.js';
import { dialectOf } from './dialect-of.js';

/** The tables whose rows may wait for the commit, with the row each takes. */
interface Deferrable {
  case_events: Insertable<CaseEventsTable>;
  jobs: Insertable<JobsTable>;
}

type Held = { [T in keyof Deferrable]?: Deferrable[T][] };

const held = new WeakMap<Transaction<Database>, Held>();

/** Rows per statement: far below PostgreSQL's 65,535 parameters at ten columns a row. */
const CHUNK = 1_000;

/**
 * Inserts a row that nothing in this transaction reads back (a new case's timeline events and jobs) just before the
 * transaction commits, together with the others held for the same table: one multi-row statement per table and
 * transaction. On PostgreSQL every statement is a round trip, measured at ~0.3 ms of this process's CPU each on the
 * 2-core machine; a batch of answers opening twenty cases sent sixty such inserts, now two. SQLite has no round trip
 * to save, and numbers timeline positions by max + 1, which needs each row in place before the next: there the row is
 * inserted at once, by `insertNow` (the caller's prepared statement). A held row that fails fails the commit, so the
 * whole transaction, like any other statement.
 */
export async function insertAtCommit<T extends keyof Deferrable, R extends Deferrable[T]>(
  trx: Transaction<Database>,
  table: T,
  row: R,
  insertNow: (row: R) => Promise<unknown>,
): Promise<void> {
  if (dialectOf(trx) === 'sqlite') {
    await insertNow(row);
    return;
  }
  const rows = held.get(trx) ?? {};
  held.set(trx, rows);
  ((rows[table] ??= []) as Deferrable[T][]).push(row);
}

/** Inserts what {@link insertAtCommit} held for `trx`: called by `withTransaction` right before COMMIT. */
export async function flushInsertsAtCommit(trx: Transaction<Database>): Promise<void> {
  const rows = held.get(trx);
  if (rows === undefined) return;
  held.delete(trx);
  for (const table of ['case_events', 'jobs'] as const) {
    const list = rows[table] ?? [];
    for (let i = 0; i < list.length; i += CHUNK) await insertRows(trx, table, list.slice(i, i + CHUNK));
  }
}

function insertRows<T extends keyof Deferrable>(trx: Transaction<Database>, table: T, rows: Deferrable[T][]) {
  if (table === 'jobs') {
    // A job key queued twice stays one job, as `insertJob` keeps it.
    return trx.insertInto('jobs').values(rows as Insertable<JobsTable>[]).onConflict((oc) => oc.column('key').doNothing()).execute();
  }
  return trx.insertInto('case_events').values(rows as Insertable<CaseEventsTable>[]).execute();
}
