import { Timestamp, Uuid } from '@closeloop/sdk/schemas';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { enqueue } from '../enqueue.js';
import type { JobKind } from '../job-definition.js';

export const EscalateCasePayload = z.object({ caseId: Uuid, dueAt: Timestamp });

/** The SLA check of one case at its due time. */
export const escalateCaseKind: JobKind<typeof EscalateCasePayload> = { kind: 'escalate-case', payload: EscalateCasePayload };

/**
 * Schedules the case's escalation for its due time, in the caller's transaction: the runner picks it up at `dueAt`,
 * so no sweep ever scans the cases. Keyed by the due time (`case:<id>:overdue:<dueAt>`): a new due time schedules a
 * new check, and the old one, finding another due time on the case, does nothing.
 */
export function scheduleEscalation(
  trx: Transaction<Database>,
  { caseId, dueAt, now, newCase = false }: { caseId: string; dueAt: string; now: Date; /** Opened by this transaction (see `EnqueueOptions.newKey`). */ newCase?: boolean },
): Promise<boolean> {
  return enqueue(trx, escalateCaseKind, { caseId, dueAt }, { key: `case:${caseId}:overdue:${dueAt}`, now, runAt: new Date(dueAt), newKey: newCase });
}
