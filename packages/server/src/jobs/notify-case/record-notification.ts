import type { Conn } from '../../db/db.js';
import { withTransaction } from '../../db/with-transaction.js';
import { appendCaseEvents } from '../../repos/case-events.js';
import type { EventFields } from '../../repos/case-events.js';
import { findCaseRow } from '../../repos/cases.js';
import { SYSTEM_ACTOR } from '../../cases/system-actor.js';

export interface NotificationOutcome {
  projectId: string;
  caseId: string;
  type: 'notification_delivered' | 'notification_failed';
  /** What was sent to whom (`channel`, `to`, `event`…) and, for a failure, the last error. */
  after: EventFields;
  at: Date;
}

/**
 * Puts a delivery's outcome on the case's timeline, written by the server. The case row is locked first, as every
 * writer of the timeline does, so the event's number cannot clash with a change made at the same moment; a case
 * erased meanwhile gets nothing. The case's version does not move: telling someone is not a change to the case.
 */
export function recordNotification(conn: Conn, { projectId, caseId, type, after, at }: NotificationOutcome): Promise<void> {
  return withTransaction(conn, async (trx) => {
    if ((await findCaseRow(trx, projectId, caseId, { lock: true })) === null) return;
    await appendCaseEvents(trx, projectId, caseId, [{ type, actor: SYSTEM_ACTOR, at: at.toISOString(), before: null, after }]);
  });
}
