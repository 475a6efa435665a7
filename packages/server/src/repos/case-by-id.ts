import { FollowUp } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { feedbackFromRow, feedbackRowsById } from './feedback.js';
import { responseFromRow, responseRowsById } from './responses.js';

/** A case as notifications need it: the contract's FollowUp and the project it belongs to. */
export interface CaseForNotice {
  projectId: string;
  projectName: string;
  followUp: FollowUp;
}

/**
 * One case by id, as the management API returns it (with its response or feedback in full), and its project: what
 * a notification job reads at send time, so a webhook carries the case as it is then. Null when the case is gone
 * (erased with its customer). Kept beside `cases.ts` while that file is rewritten for the case lifecycle; once it
 * has a by-id read of its own, this file should call it.
 */
export async function findCaseById(conn: Conn, id: string): Promise<CaseForNotice | null> {
  const row = await conn
    .selectFrom('follow_ups as f')
    .innerJoin('projects as p', 'p.id', 'f.project_id')
    .selectAll('f')
    .select('p.name as project_name')
    .where('f.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return null;
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
  let followUp: FollowUp;
  if (row.feedback_id !== null) {
    const feedback = (await feedbackRowsById(conn, [row.feedback_id])).get(row.feedback_id);
    if (feedback === undefined) return null;
    followUp = FollowUp.parse({ ...common, source: 'feedback', feedback: feedbackFromRow({ ...feedback, follow_up_id: row.id }) });
  } else {
    const response = row.response_id === null ? undefined : (await responseRowsById(conn, [row.response_id])).get(row.response_id);
    if (response === undefined) return null;
    followUp = FollowUp.parse({
      ...common,
      source: 'survey',
      surveyId: row.survey_id,
      reason: row.reason === null ? null : JSON.parse(row.reason),
      response: responseFromRow({ ...response, follow_up_id: row.id }),
    });
  }
  return { projectId: row.project_id, projectName: row.project_name, followUp };
}
