import { CaseEvent, CaseEventType } from '@closeloop/sdk/schemas';
import type { CaseActor } from '@closeloop/sdk/schemas';
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import { afterCommit } from '../db/after-commit.js';
import { insertAtCommit } from '../db/insert-at-commit.js';
import type { CaseEventsTable, Database } from '../db/database.js';
import type { Conn } from '../db/db.js';
import { dialectOf } from '../db/dialect-of.js';
import { preparedStatement } from '../db/prepared-statement.js';
import type { ParameterOf } from '../db/prepared-statement.js';
import { wakeCaseStreams } from '../case-stream/wake.js';
import { newRowId } from '../db/new-row-id.js';

/** The changed fields of an event, by name. */
export type EventFields = NonNullable<CaseEvent['before']>;

export interface NewCaseEvent {
  type: CaseEventType;
  actor: CaseActor;
  at: string;
  before?: EventFields | null;
  after?: EventFields | null;
}

/**
 * Appends events to a case's timeline, numbered after the last one. Call it in the transaction that changed the case:
 * the case row is already written (and locked) there, so two writers cannot take the same number, and
 * UNIQUE(case_id, seq) would refuse it if they did. There is no update or delete here: the timeline is append-only.
 * `newCase`: the case was inserted by this transaction, so numbering starts at 1. Returns the events' numbers.
 */
export async function appendCaseEvents(conn: Conn, projectId: string, caseId: string, events: NewCaseEvent[], { newCase = false } = {}): Promise<number[]> {
  if (events.length === 0) return [];
  // A case opened by this very transaction has no events yet: its timeline starts at 1 without a lookup.
  const last = newCase ? undefined : (await lastSeqStatement(conn, { caseId })).rows[0];
  const first = Number(last?.seq ?? 0) + 1;
  // The stream position: PostgreSQL's sequence fills it in; SQLite has one writer at a time, so the insert takes
  // max + 1 as it goes in.
  const insertNow = dialectOf(conn) === 'sqlite' ? (row: EventRow) => insertNumberedEventStatement(conn, row) : (row: EventRow) => insertEventStatement(conn, row);
  // One prepared insert per event: a case gets one or two at a time, and a multi-row insert would be built anew for each.
  for (const [i, event] of events.entries()) {
    const row = {
      id: newRowId(),
      project_id: projectId,
      case_id: caseId,
      seq: first + i,
      type: event.type,
      actor: JSON.stringify(event.actor),
      at: event.at,
      before: event.before ? JSON.stringify(event.before) : null,
      after: event.after ? JSON.stringify(event.after) : null,
    };
    // A new case's events are read by nothing in this transaction: on PostgreSQL they wait for the commit.
    if (newCase && conn.isTransaction) await insertAtCommit(conn as Transaction<Database>, 'case_events', row, insertNow);
    else await insertNow(row);
  }
  if (conn.isTransaction) afterCommit(conn as Transaction<Database>, wakeCaseStreams);
  else wakeCaseStreams();
  return events.map((_, i) => first + i);
}

const lastSeqStatement = preparedStatement<{ caseId: string }, { seq: number | null }>((conn, p) =>
  conn.selectFrom('case_events').select((eb) => eb.fn.max('seq').as('seq')).where('case_id', '=', p('caseId')),
);

/**
 * A timeline row as passed in: every column but the stream position (numbered in the database: PostgreSQL's sequence,
 * SQLite's insert) and the erasure mark.
 */
type EventRow = Omit<CaseEventsTable, 'stream_position' | 'erased_at'>;

const eventColumns = (p: ParameterOf<EventRow>) => ({
  id: p('id'),
  project_id: p('project_id'),
  case_id: p('case_id'),
  seq: p('seq'),
  type: p('type'),
  actor: p('actor'),
  at: p('at'),
  before: p('before'),
  after: p('after'),
});

const insertEventStatement = preparedStatement<EventRow, never>((conn, p) => conn.insertInto('case_events').values(eventColumns(p)));

/**
 * SQLite's insert, numbering the event after the last one in the same statement: a lookup of its own was a sixth of
 * the statements a detractor's answer runs.
 */
const insertNumberedEventStatement = preparedStatement<EventRow, never>((conn, p) =>
  conn.insertInto('case_events').values({
    ...eventColumns(p),
    stream_position: (eb) => eb.selectFrom('case_events').select(sql<number>`coalesce(max(stream_position), 0) + 1`.as('p')),
  }),
);

/** A new timeline event as `GET /api/v1/events` sends it. */
export interface StreamedCaseEvent {
  id: string;
  caseId: string;
  type: CaseEventType;
  at: string;
  position: number;
}

/** The project's events after `position` (and those at the `also` positions), in insertion order, at most `limit`. */
export async function listStreamEvents(conn: Conn, projectId: string, position: number, also: readonly number[], limit: number): Promise<StreamedCaseEvent[]> {
  const rows = await conn
    .selectFrom('case_events')
    .select(['id', 'case_id', 'type', 'at', 'stream_position'])
    .where('project_id', '=', projectId)
    .where((eb) => (also.length > 0 ? eb.or([eb('stream_position', '>', position), eb('stream_position', 'in', also)]) : eb('stream_position', '>', position)))
    .orderBy('stream_position')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: row.id, caseId: row.case_id, type: CaseEventType.parse(row.type), at: row.at, position: Number(row.stream_position) }));
}

/** The position of the project's latest event, 0 when it has none: where a new stream starts. */
export async function latestStreamPosition(conn: Conn, projectId: string): Promise<number> {
  const row = await conn.selectFrom('case_events').select((eb) => eb.fn.max('stream_position').as('p')).where('project_id', '=', projectId).executeTakeFirst();
  return Number(row?.p ?? 0);
}

/** Where one of the project's events sits in the stream (a `Last-Event-ID`), or null when there is no such event. */
export async function streamPositionOf(conn: Conn, projectId: string, eventId: string): Promise<number | null> {
  const row = await conn.selectFrom('case_events').select('stream_position').where('project_id', '=', projectId).where('id', '=', eventId).executeTakeFirst();
  return row ? Number(row.stream_position) : null;
}

/** A case's whole timeline, in the order it was written. */
export async function listCaseEvents(conn: Conn, caseId: string): Promise<CaseEvent[]> {
  const rows = await conn.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
  return rows.map((row) =>
    CaseEvent.parse({
      id: row.id,
      type: row.type,
      actor: JSON.parse(row.actor),
      at: row.at,
      before: row.before === null ? null : JSON.parse(row.before),
      after: row.after === null ? null : JSON.parse(row.after),
    }),
  );
}

/** An event as erasure reads it: its changed fields, not yet erased. */
export interface ErasableCaseEvent {
  id: string;
  before: EventFields | null;
  after: EventFields | null;
}

/** A case's events whose personal values were never erased, in timeline order. */
export async function listUnerasedCaseEvents(conn: Conn, caseId: string): Promise<ErasableCaseEvent[]> {
  const rows = await conn.selectFrom('case_events').select(['id', 'before', 'after']).where('case_id', '=', caseId).where('erased_at', 'is', null).orderBy('seq').execute();
  return rows.map((row) => ({ id: row.id, before: row.before === null ? null : JSON.parse(row.before), after: row.after === null ? null : JSON.parse(row.after) }));
}

/**
 * Replaces an event's changed fields with their erased form: the one update the timeline's trigger lets through
 * (migration 0013), once per event, its id, type, actor and time unchanged.
 */
export async function eraseCaseEvent(conn: Conn, event: ErasableCaseEvent, at: string): Promise<void> {
  await conn
    .updateTable('case_events')
    .set({ before: event.before === null ? null : JSON.stringify(event.before), after: event.after === null ? null : JSON.stringify(event.after), erased_at: at })
    .where('id', '=', event.id)
    .execute();
}
