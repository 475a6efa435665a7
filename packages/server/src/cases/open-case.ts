import type { RoutingTarget } from '@closeloop/sdk/schemas';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { scheduleEscalation } from '../jobs/escalate-case/escalate-case.js';
import { appendCaseEvents } from '../repos/case-events.js';
import type { NewCaseEvent } from '../repos/case-events.js';
import { ASSIGNED_AS_OPENED, notifyCase } from '../jobs/notify-case/notify-case.js';
import { insertCase } from '../repos/cases.js';
import type { NewCase } from '../repos/cases.js';
import { routeCase } from './route-case.js';
import { SYSTEM_ACTOR } from './system-actor.js';

export interface OpenCaseInput extends NewCase {
  /** Where the routing rules send the case; null: it opens unassigned. */
  route: RoutingTarget | null;
  /** Its notices are held until then (its customer may still write the comment, `noticesHeldUntil`); unset: at once. */
  noticesHeldUntil?: Date | null;
}

/**
 * Opens a case inside the caller's transaction, so the case commits with what caused it or not at all (the type
 * asks for a transaction to make that hard to get wrong): its timeline starts with `opened`, then `assigned` when
 * routing gave it a team or member (actor system); its `follow_up.opened` (and `.assigned`) notifications and its
 * escalation at the due time are queued in the same transaction (the outbox: nothing is heard of the case before it
 * commits), the notifications held until `noticesHeldUntil` when given. A cause that already has a case keeps it:
 * the existing id is returned and nothing is written or queued again.
 */
export async function openCase(trx: Transaction<Database>, { route: target, noticesHeldUntil = null, ...input }: OpenCaseInput): Promise<string> {
  // Routed first, so the row is written once with its owners (an insert, then an update, wrote four queue indexes
  // twice). A cause that already has a case (a race the response's own ON CONFLICT makes all but impossible) has moved
  // the team's turn by one: a member skipped once, nothing worse.
  const route = await routeCase(trx, input.projectId, target);
  const { id, created } = await insertCase(trx, { ...input, owners: route });
  if (!created) return id;
  const at = input.openedAt;
  const events: NewCaseEvent[] = [
    {
      type: 'opened',
      actor: SYSTEM_ACTOR,
      at,
      before: null,
      after: { status: 'open', priority: input.priority, assigneeId: null, teamId: null, dueAt: input.dueAt },
    },
  ];
  if (route !== null) events.push({ type: 'assigned', actor: SYSTEM_ACTOR, at, before: { assigneeId: null, teamId: null }, after: { ...route, routed: true } });
  await appendCaseEvents(trx, input.projectId, id, events, { newCase: true });
  const now = new Date(at);
  // Both told in one call, each under its own keys. Version 1: the case is still being opened; a later assignment
  // by PATCH is version 2 or more, its own occurrence.
  const alongWith = route === null ? undefined : [ASSIGNED_AS_OPENED];
  await notifyCase(trx, { projectId: input.projectId, caseId: id, event: 'follow_up.opened', now, alongWith, newCase: true, ...(noticesHeldUntil !== null && { notBefore: noticesHeldUntil }) });
  await scheduleEscalation(trx, { caseId: id, dueAt: input.dueAt, now, newCase: true });
  return id;
}
