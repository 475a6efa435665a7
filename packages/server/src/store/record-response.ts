import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { AnswerValue, Respondent } from '@closeloop/sdk/schemas';
import type { Database } from './database.js';
import type { RecordResponseInput, RecordResult, StoredRespondent } from './store.js';

const StoredAnswers = z.record(z.string(), AnswerValue);
const StoredRespondentJson = Respondent.omit({ signature: true });

/**
 * Inserts the response, or merges this submission into the one stored under the same id, then opens its case.
 *
 * Race-safe on both dialects without retries: the insert comes first with ON CONFLICT DO NOTHING, so a duplicate
 * post waits on the first one's row (PostgreSQL) or on the write lock (SQLite) and then merges into the committed
 * row, which it reads locked (FOR UPDATE on PostgreSQL). The case insert relies on UNIQUE(response_id) the same way.
 */
export async function recordResponse(
  trx: Transaction<Database>,
  dialect: 'sqlite' | 'postgres',
  input: RecordResponseInput,
): Promise<RecordResult> {
  const { verified, ...respondent } = input.respondent;
  const inserted = await trx
    .insertInto('responses')
    .values({
      id: input.id,
      project_id: input.projectId,
      survey_id: input.surveyId,
      answers: JSON.stringify(input.answers),
      finished: input.finished ? 1 : 0,
      respondent: JSON.stringify(respondent),
      user_id: respondent.userId ?? null,
      verified: verified ? 1 : 0,
      context: JSON.stringify(input.context),
      answered_at: input.answeredAt,
      received_at: input.receivedAt,
      updated_at: input.receivedAt,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();

  let answers = input.answers;
  if (inserted === undefined) {
    const stored = await trx
      .selectFrom('responses')
      .selectAll()
      .where('id', '=', input.id)
      .$if(dialect === 'postgres', (q) => q.forUpdate())
      .executeTakeFirstOrThrow();
    if (stored.project_id !== input.projectId || stored.survey_id !== input.surveyId) return { outcome: 'conflict' };

    answers = { ...StoredAnswers.parse(JSON.parse(stored.answers)), ...input.answers };
    const merged = mergeRespondent(
      { ...StoredRespondentJson.parse(JSON.parse(stored.respondent)), verified: stored.verified === 1 },
      input.respondent,
    );
    const { verified: mergedVerified, ...mergedRespondent } = merged;
    await trx
      .updateTable('responses')
      .set({
        answers: JSON.stringify(answers),
        // A response never goes back to unfinished: a late retry of step one must not undo the last step.
        finished: stored.finished === 1 || input.finished ? 1 : 0,
        respondent: JSON.stringify(mergedRespondent),
        user_id: mergedRespondent.userId ?? null,
        verified: mergedVerified ? 1 : 0,
        updated_at: input.receivedAt,
      })
      .where('id', '=', input.id)
      .execute();
  }

  const existingCase = await findFollowUpId(trx, input.id);
  if (existingCase !== null) return { outcome: inserted ? 'created' : 'merged', id: input.id, followUpId: existingCase };

  const opened = input.followUpFor(answers);
  if (opened !== null) {
    await trx
      .insertInto('follow_ups')
      .values({
        id: randomUUID(),
        project_id: input.projectId,
        response_id: input.id,
        survey_id: input.surveyId,
        status: 'open',
        priority: opened.priority,
        owner_id: null,
        trigger: JSON.stringify(opened.trigger),
        due_at: opened.dueAt,
        created_at: input.receivedAt,
        updated_at: input.receivedAt,
      })
      .onConflict((oc) => oc.column('response_id').doNothing())
      .execute();
  }
  return { outcome: inserted ? 'created' : 'merged', id: input.id, followUpId: await findFollowUpId(trx, input.id) };
}

async function findFollowUpId(trx: Transaction<Database>, responseId: string): Promise<string | null> {
  const row = await trx.selectFrom('follow_ups').select('id').where('response_id', '=', responseId).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Respondent and context stay as first stored, except that a later step may identify the visitor (identify()
 * called mid-survey): a submission carrying a userId replaces the identity and its verdict, and merges attributes.
 */
function mergeRespondent(stored: StoredRespondent, next: StoredRespondent): StoredRespondent {
  if (next.userId === undefined) return stored;
  const attributes = stored.attributes || next.attributes ? { ...stored.attributes, ...next.attributes } : undefined;
  return { ...stored, ...next, ...(attributes && { attributes }) };
}
