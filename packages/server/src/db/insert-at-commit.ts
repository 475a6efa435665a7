import type { Insertable, Transaction } from 'kysely';
import { beforeCommit } from './before-commit.js';
import type { CaseEventsTable, Database, FollowUpsTable, JobsTable } from './database.js';
import { dialectOf } from './dialect-of.js';

/** The tables whose rows may wait for the commit, with the row each takes, in the order they go in (foreign keys). */
interface Deferrable {
  follow_ups: Insertable<FollowUpsTable>;
  case_events: Insertable<CaseEventsTable>;
  jobs: Insertable<JobsTable>;
}

const ORDER = ['follow_ups', 'case_events', 'jobs'] as const satisfies readonly (keyof Deferrable)[];

type Held = { [T in keyof Deferrable]?: Deferrable[T][] };

const held = new WeakMap<Transaction<Database>, Held>();

/** Rows per statement: far below PostgreSQL's 65,535 parameters at twenty columns a row. */
const CHUNK = 1_000;

/**
 * Inserts a row that nothing in this transaction reads back (a new case, its timeline events and jobs) just before
 * the transaction commits, together with the others held for the same table: one multi-row statement per table and
 * transaction. On PostgreSQL every statement is a round trip, measured at ~0.3 ms of this process's CPU each on the
 * 2-core machine; a batch of answers opening twenty cases sent eighty such inserts, now three. SQLite has no round
 * trip to save, and numbers timeline positions by max + 1, which needs each row in place before the next: there the
 * row is inserted at once, by `insertNow` (the caller's prepared statement). A held row that fails fails the commit,
 * so the whole transaction, like any other statement. A read that may need a held row calls {@link insertHeldNow}
 * first.
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
  let rows = held.get(trx);
  if (rows === undefined) {
    held.set(trx, (rows = {}));
    beforeCommit(trx, () => insertHeldNow(trx));
  }
  ((rows[table] ??= []) as Deferrable[T][]).push(row);
}

/**
 * Inserts the rows held for `trx` so far, now: before a read in the same transaction that must see them (a second
 * step of an answer looking up the case its first step opened, both in one batch). Rows held later wait for the
 * commit again.
 */
export async function insertHeldNow(trx: Transaction<Database>): Promise<void> {
  const rows = held.get(trx);
  if (rows === undefined) return;
  held.delete(trx);
  for (const table of ORDER) {
    const list = rows[table] ?? [];
    for (let i = 0; i < list.length; i += CHUNK) await insertRows(trx, table, list.slice(i, i + CHUNK));
  }
}

function insertRows<T extends keyof Deferrable>(trx: Transaction<Database>, table: T, rows: Deferrable[T][]) {
  if (table === 'jobs') {
    // A job key queued twice stays one job, as `insertJob` keeps it.
    return trx.insertInto('jobs').values(rows as Insertable<JobsTable>[]).onConflict((oc) => oc.column('key').doNothing()).execute();
  }
  if (table === 'follow_ups') {
    // Only a case whose cause this transaction inserted is held: none can exist yet, so no conflict is expected, and
    // a duplicate fails the commit (and the batch's answers then go in one at a time) rather than passing unseen.
    return trx.insertInto('follow_ups').values(rows as Insertable<FollowUpsTable>[]).execute();
  }
  return trx.insertInto('case_events').values(rows as Insertable<CaseEventsTable>[]).execute();
}
