import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { appendCaseEvents } from '../repos/case-events.js';
import { notifyCase } from '../jobs/notify-case/notify-case.js';
import { insertCase } from '../repos/cases.js';
import type { NewCase } from '../repos/cases.js';
import { SYSTEM_ACTOR } from './system-actor.js';

/**
 * Opens a case inside the caller's transaction, so the case commits with what caused it or not at all (the type
 * asks for a transaction to make that hard to get wrong), its timeline starting with `opened`, and queues its
 * `follow_up.opened` notification in the same transaction (the outbox: webhooks and Slack hear of the case once it
 * commits, and only then). A cause that already has a case keeps it: the existing id is returned and nothing is
 * written or queued again.
 */
export async function openCase(trx: Transaction<Database>, input: NewCase): Promise<string> {
  const { id, created } = await insertCase(trx, input);
  if (!created) return id;
  await appendCaseEvents(trx, input.projectId, id, [
    {
      type: 'opened',
      actor: SYSTEM_ACTOR,
      at: input.openedAt,
      before: null,
      after: { status: 'open', priority: input.priority, assigneeId: null, teamId: null, dueAt: input.dueAt },
    },
  ]);
  await notifyCase(trx, { caseId: id, event: 'follow_up.opened', now: new Date(input.openedAt) });
  return id;
}
