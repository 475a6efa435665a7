import { sql } from 'kysely';
import type { Insertable, Transaction } from 'kysely';
import { beforeCommit } from './before-commit.js';
import type { CaseEventsTable, Database, FollowUpsTable, JobsTable } from './database.js';
import { dialectOf } from './dialect-of.js';
import { preparedStatement } from './prepared-statement.js';
import { sendAheadOfCommit } from './send-ahead-of-commit.js';
import type { PreparedStatement } from './prepared-statement.js';
import { columnArrays, unnestRows } from './unnest-rows.js';
import type { ColumnTypes } from './unnest-rows.js';

/** The tables whose new rows may wait for the commit, with the row each takes, in the order they go in (foreign keys). */
interface Insertions {
  follow_ups: Insertable<FollowUpsTable>;
  case_events: Insertable<CaseEventsTable>;
  jobs: Insertable<JobsTable>;
}

/** The updates that may wait for the commit: a team's round-robin cursor, moved once per transaction (route-case.ts). */
interface Updates {
  teams: { id: string; last_routed_member_id: string };
}

type Deferrable = Insertions & Updates;

const ORDER = ['follow_ups', 'case_events', 'jobs', 'teams'] as const satisfies readonly (keyof Deferrable)[];

type Held = { [T in keyof Deferrable]?: Deferrable[T][] };

const held = new WeakMap<Transaction<Database>, Held>();

/** Rows per statement: one array per column, so the count is not bound by parameters; this bounds their size. */
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
export function insertAtCommit<T extends keyof Insertions, R extends Insertions[T]>(
  trx: Transaction<Database>,
  table: T,
  row: R,
  insertNow: (row: R) => Promise<unknown>,
): Promise<void> {
  return holdForCommit(trx, table, row, () => insertNow(row));
}

/**
 * Updates a row just before the commit, in the statement that inserts the held rows: the cursor of a team whose
 * cases this transaction routed, one round trip fewer for each batch of answers on PostgreSQL (there it was a
 * statement of its own, a sixth of the batch's). One row per team and transaction: the caller holds it at commit,
 * when the cursor has stopped moving. On SQLite, `updateNow` at once.
 */
export function updateAtCommit<T extends keyof Updates, R extends Updates[T]>(
  trx: Transaction<Database>,
  table: T,
  row: R,
  updateNow: (row: R) => Promise<unknown>,
): Promise<void> {
  return holdForCommit(trx, table, row, () => updateNow(row));
}

async function holdForCommit(trx: Transaction<Database>, table: keyof Deferrable, row: object, writeNow: () => Promise<unknown>): Promise<void> {
  if (dialectOf(trx) === 'sqlite') {
    await writeNow();
    return;
  }
  let rows = held.get(trx);
  if (rows === undefined) {
    held.set(trx, (rows = {}));
    // After the other writes waiting for the commit, so that what they hold (a team's cursor) goes in with the rest.
    beforeCommit(trx, () => insertHeldNow(trx, { aheadOfCommit: true }), { last: true });
  }
  ((rows[table] ??= []) as object[]).push(row);
}

/**
 * Inserts the rows held for `trx` so far, now: before a read in the same transaction that must see them (a second
 * step of an answer looking up the case its first step opened, both in one batch). Rows held later wait for the
 * commit again. All the tables' rows go in one statement, each table's insert a data-modifying CTE of it (foreign keys
 * are checked at the statement's end, when every table's rows are in): one round trip per batch instead of one per
 * table, which is what a batch waits for on PostgreSQL. Past CHUNK rows in a table, table after table, in chunks.
 */
export async function insertHeldNow(trx: Transaction<Database>, { aheadOfCommit = false } = {}): Promise<void> {
  const rows = held.get(trx);
  if (rows === undefined) return;
  held.delete(trx);
  const tables = ORDER.filter((table) => (rows[table]?.length ?? 0) > 0);
  if (tables.every((table) => rows[table]!.length <= CHUNK)) {
    const statement = statementFor(tables);
    const parameters = Object.assign({}, ...tables.map((table) => arraysOf(table, rows[table]!)));
    // At the commit, nothing reads its reply: it goes out with the COMMIT, one round trip for both.
    if (aheadOfCommit) await sendAheadOfCommit(trx, statement.compile(trx, parameters));
    else await statement(trx, parameters);
    return;
  }
  for (const table of tables) {
    const list = rows[table]!;
    for (let i = 0; i < list.length; i += CHUNK) await statementFor([table])(trx, arraysOf(table, list.slice(i, i + CHUNK)));
  }
}

/** A table's held rows as the parameters of {@link statementFor}: one array per column, named `<table>.<column>`. */
function arraysOf(table: keyof Deferrable, rows: readonly object[]): Record<string, unknown[]> {
  return columnArrays(`insertAtCommit ${table}`, COLUMNS[table], rows, `${table}.`);
}

/**
 * Each table's columns a held row may fill, with their PostgreSQL types: the rows go in through `unnest`
 * (unnest-rows.ts), one prepared statement per table whatever the number of rows, instead of a multi-row text that
 * PostgreSQL parsed and planned anew for every batch.
 */
const COLUMNS: { [T in keyof Deferrable]: ColumnTypes } = {
  follow_ups: {
    id: 'text',
    project_id: 'text',
    status: 'text',
    priority: 'text',
    priority_rank: 'integer',
    assignee_id: 'text',
    team_id: 'text',
    version: 'integer',
    due_at: 'text',
    created_at: 'text',
    updated_at: 'text',
    search_text: 'text',
    customer_user_id: 'text',
    customer_anonymous_id: 'text',
    response_id: 'text',
    survey_id: 'text',
    reason: 'text',
    feedback_id: 'text',
  },
  // stream_position is left to the table's sequence.
  case_events: { id: 'text', project_id: 'text', case_id: 'text', seq: 'integer', type: 'text', actor: 'text', at: 'text', before: 'text', after: 'text' },
  jobs: {
    id: 'text',
    kind: 'text',
    key: 'text',
    payload: 'text',
    status: 'text',
    attempts: 'integer',
    max_attempts: 'integer',
    run_at: 'text',
    created_at: 'text',
    updated_at: 'text',
  },
  teams: { id: 'text', last_routed_member_id: 'text' },
};

/** The write of `table`'s rows, its arrays being the parameters `<table>.<column>`: an insert, or the cursors' update. */
function writeOf(table: keyof Deferrable, parameter: (name: string) => unknown) {
  const { names, unnest } = unnestRows(COLUMNS[table], (column) => parameter(`${table}.${column}`));
  if (table === 'teams') return sql`update teams set last_routed_member_id = moved.last_routed_member_id from ${unnest} as moved(${names}) where teams.id = moved.id`;
  // A job key queued twice stays one job, as `insertJob` keeps it. Only a case whose cause this transaction
  // inserted is held: none can exist yet, so a duplicate fails the commit (and the batch's answers then go in one
  // at a time) rather than passing unseen; events are new rows.
  const onConflict = table === 'jobs' ? sql` on conflict (key) do nothing` : sql``;
  return sql`insert into ${sql.table(table)} (${names}) select * from ${unnest}${onConflict}`;
}

/** One prepared statement per set of tables a batch held rows for (a few: cases with events and jobs, jobs alone…). */
const statements = new Map<string, PreparedStatement<Record<string, unknown[]>, never>>();

function statementFor(tables: readonly (keyof Deferrable)[]): PreparedStatement<Record<string, unknown[]>, never> {
  const key = tables.join(' ');
  let statement = statements.get(key);
  if (statement === undefined) {
    statement = preparedStatement<Record<string, unknown[]>, never>((conn, p) => {
      const inserts = tables.map((table) => writeOf(table, p as (name: string) => unknown));
      const last = inserts.pop()!;
      const query = inserts.length === 0 ? last : sql`with ${sql.join(inserts.map((insert, i) => sql`${sql.raw(`held_${i}`)} as (${insert})`))} ${last}`;
      return { compile: () => query.compile(conn) };
    });
    statements.set(key, statement);
  }
  return statement;
}
