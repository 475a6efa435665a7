import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { notifyCase } from '../jobs/notify-case/notify-case.js';
import { insertCase } from '../repos/cases.js';
import type { NewCase } from '../repos/cases.js';

/**
 * Opens a case inside the caller's transaction, so the case commits with what caused it or not at all (the type
 * asks for a transaction to make that hard to get wrong), and queues its `follow_up.opened` notification in the same
 * transaction (the outbox: webhooks and Slack hear of the case once it commits, and only then). A cause that already
 * has a case keeps it: the existing id is returned, and its notification, keyed `case:<id>:opened`, is not queued
 * again. The case's timeline event joins this transaction as it arrives.
 */
export async function openCase(trx: Transaction<Database>, input: NewCase): Promise<string> {
  const caseId = await insertCase(trx, input);
  await notifyCase(trx, { caseId, event: 'follow_up.opened', now: new Date(input.openedAt) });
  return caseId;
}
