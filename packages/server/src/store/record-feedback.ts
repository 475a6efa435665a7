import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from './database.js';
import type { RecordFeedbackInput, RecordFeedbackResult } from './store.js';

/**
 * Stores a feedback under its client id, once: a repeat (a retry, a second tab flushing the same outbox) changes
 * nothing and gets the stored case back. Race-safe like responses: ON CONFLICT DO NOTHING makes a concurrent
 * duplicate wait on the first insert, and UNIQUE(feedback_id) keeps the case single.
 */
export async function recordFeedback(trx: Transaction<Database>, input: RecordFeedbackInput): Promise<RecordFeedbackResult> {
  const { verified, ...respondent } = input.respondent;
  const inserted = await trx
    .insertInto('feedback')
    .values({
      id: input.id,
      project_id: input.projectId,
      category: input.category,
      comment: input.comment,
      email: input.email ?? null,
      respondent: JSON.stringify(respondent),
      verified: verified ? 1 : 0,
      context: JSON.stringify(input.context),
      sent_at: input.sentAt,
      received_at: input.receivedAt,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();

  if (inserted === undefined) {
    const stored = await trx.selectFrom('feedback').select('project_id').where('id', '=', input.id).executeTakeFirstOrThrow();
    if (stored.project_id !== input.projectId) return { outcome: 'conflict' };
    return { outcome: 'repeated', id: input.id, followUpId: await findFollowUpId(trx, input.id) };
  }

  if (input.followUp !== null) {
    await trx
      .insertInto('follow_ups')
      .values({
        id: randomUUID(),
        project_id: input.projectId,
        feedback_id: input.id,
        status: 'open',
        priority: input.followUp.priority,
        owner_id: null,
        due_at: input.followUp.dueAt,
        created_at: input.receivedAt,
        updated_at: input.receivedAt,
      })
      .onConflict((oc) => oc.column('feedback_id').doNothing())
      .execute();
  }
  return { outcome: 'created', id: input.id, followUpId: await findFollowUpId(trx, input.id) };
}

async function findFollowUpId(trx: Transaction<Database>, feedbackId: string): Promise<string | null> {
  const row = await trx.selectFrom('follow_ups').select('id').where('feedback_id', '=', feedbackId).executeTakeFirst();
  return row?.id ?? null;
}
