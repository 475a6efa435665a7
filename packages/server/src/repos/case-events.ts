import { randomUUID } from 'node:crypto';
import { CaseEvent } from '@closeloop/sdk/schemas';
import type { CaseActor, CaseEventType } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';

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
 */
export async function appendCaseEvents(conn: Conn, projectId: string, caseId: string, events: NewCaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  const last = await conn.selectFrom('case_events').select((eb) => eb.fn.max('seq').as('seq')).where('case_id', '=', caseId).executeTakeFirst();
  const first = Number(last?.seq ?? 0) + 1;
  await conn
    .insertInto('case_events')
    .values(
      events.map((event, i) => ({
        id: randomUUID(),
        project_id: projectId,
        case_id: caseId,
        seq: first + i,
        type: event.type,
        actor: JSON.stringify(event.actor),
        at: event.at,
        before: event.before ? JSON.stringify(event.before) : null,
        after: event.after ? JSON.stringify(event.after) : null,
      })),
    )
    .execute();
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
 * (migration 0012), once per event, its id, type, actor and time unchanged.
 */
export async function eraseCaseEvent(conn: Conn, event: ErasableCaseEvent, at: string): Promise<void> {
  await conn
    .updateTable('case_events')
    .set({ before: event.before === null ? null : JSON.stringify(event.before), after: event.after === null ? null : JSON.stringify(event.after), erased_at: at })
    .where('id', '=', event.id)
    .execute();
}
