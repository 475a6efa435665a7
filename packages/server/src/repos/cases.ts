import { randomUUID } from 'node:crypto';
import { FollowUp } from '@closeloop/sdk/schemas';
import type { FollowUpPriority, FollowUpStatus, SurveyFollowUp } from '@closeloop/sdk/schemas';
import type { Selectable } from 'kysely';
import type { FollowUpsTable } from '../db/database.js';
import type { Conn } from '../db/db.js';
import { feedbackFromRow, feedbackRowsById } from './feedback.js';
import { keysetPage } from './keyset.js';
import type { ListPage, PageRequest } from './keyset.js';
import { responseFromRow, responseRowsById } from './responses.js';

/** What opened a case: a survey response (with the answer that matched the rule) or a feedback. */
export type CaseCause = { responseId: string; surveyId: string; reason: SurveyFollowUp['reason'] } | { feedbackId: string };

export interface NewCase {
  projectId: string;
  cause: CaseCause;
  priority: FollowUpPriority;
  dueAt: string;
  openedAt: string;
}

/**
 * Inserts the case unless its cause already has one: UNIQUE(response_id) and UNIQUE(feedback_id) keep a cause to
 * one case even when duplicate posts race. Returns the cause's case id, new or existing.
 */
export async function insertCase(conn: Conn, input: NewCase): Promise<string> {
  const { cause } = input;
  const common = {
    id: randomUUID(),
    project_id: input.projectId,
    status: 'open',
    priority: input.priority,
    assignee_id: null,
    version: 1,
    due_at: input.dueAt,
    created_at: input.openedAt,
    updated_at: input.openedAt,
  };
  if ('feedbackId' in cause) {
    await conn.insertInto('follow_ups').values({ ...common, feedback_id: cause.feedbackId }).onConflict((oc) => oc.column('feedback_id').doNothing()).execute();
  } else {
    await conn
      .insertInto('follow_ups')
      .values({ ...common, response_id: cause.responseId, survey_id: cause.surveyId, reason: JSON.stringify(cause.reason) })
      .onConflict((oc) => oc.column('response_id').doNothing())
      .execute();
  }
  const id = await findCaseIdOf(conn, cause);
  if (id === null) throw new Error('the case just inserted is not there');
  return id;
}

/** The id of the case a response or a feedback opened, or null. */
export async function findCaseIdOf(conn: Conn, cause: { responseId: string } | { feedbackId: string }): Promise<string | null> {
  const query = conn.selectFrom('follow_ups').select('id');
  const row = await ('feedbackId' in cause ? query.where('feedback_id', '=', cause.feedbackId) : query.where('response_id', '=', cause.responseId)).executeTakeFirst();
  return row?.id ?? null;
}

/** Cases of both sources (survey responses and feedback), newest first, each with its cause in full. */
export async function listCases(conn: Conn, projectId: string, page: PageRequest & { status?: FollowUpStatus | undefined }): Promise<ListPage<FollowUp>> {
  let query = conn.selectFrom('follow_ups').selectAll().where('project_id', '=', projectId);
  if (page.status !== undefined) query = query.where('status', '=', page.status);
  const rows = await keysetPage(query, { at: 'created_at', id: 'id' }, page, (row) => row, (row) => ({ at: row.created_at, id: row.id }));
  return { data: await withCauses(conn, rows.data), next: rows.next };
}

/** Case rows as the contract's FollowUp: each joined with its response or feedback, two queries for the page. */
async function withCauses(conn: Conn, rows: Selectable<FollowUpsTable>[]): Promise<FollowUp[]> {
  const responses = await responseRowsById(conn, rows.flatMap((f) => (f.response_id === null ? [] : [f.response_id])));
  const feedback = await feedbackRowsById(conn, rows.flatMap((f) => (f.feedback_id === null ? [] : [f.feedback_id])));
  return rows.map((row) => {
    const common = {
      id: row.id,
      status: row.status,
      priority: row.priority,
      assigneeId: row.assignee_id,
      version: row.version,
      dueAt: row.due_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
    const feedbackRow = row.feedback_id === null ? undefined : feedback.get(row.feedback_id);
    if (feedbackRow) return FollowUp.parse({ ...common, source: 'feedback', feedback: feedbackFromRow({ ...feedbackRow, follow_up_id: row.id }) });
    const responseRow = row.response_id === null ? undefined : responses.get(row.response_id);
    if (!responseRow) throw new Error(`follow-up ${row.id} has no response ${row.response_id} or feedback ${row.feedback_id}`);
    return FollowUp.parse({
      ...common,
      source: 'survey',
      surveyId: row.survey_id,
      reason: row.reason === null ? null : JSON.parse(row.reason),
      response: responseFromRow({ ...responseRow, follow_up_id: row.id }),
    });
  });
}
