import type { StoredFeedback, StoredResponse } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { listPersonCaseRows } from '../repos/cases.js';
import type { CaseRow } from '../repos/cases.js';
import { listPersonFeedback } from '../repos/feedback.js';
import { listPersonResponses } from '../repos/responses.js';

/** What a project stores under one user id, before messages and timelines. */
export interface PersonRecords {
  responses: StoredResponse[];
  feedback: StoredFeedback[];
  /** The cases their answers or feedback opened, and those whose verified customer they are. */
  cases: CaseRow[];
}

/**
 * Everything given under `userId` in the project: verified or not (an unsigned answer under someone's id is still
 * stored under their name, so it is theirs to see and to have erased), and the cases about it, locked with `lock`
 * (PostgreSQL) for an erasure.
 */
export async function findPersonRecords(conn: Conn, projectId: string, userId: string, { lock = false } = {}): Promise<PersonRecords> {
  const responses = await listPersonResponses(conn, projectId, userId);
  const feedback = await listPersonFeedback(conn, projectId, userId);
  const cases = await listPersonCaseRows(conn, projectId, { userId, responseIds: responses.map((r) => r.id), feedbackIds: feedback.map((f) => f.id) }, { lock });
  return { responses, feedback, cases };
}

/** True when nothing is stored under the user id. */
export function isEmpty({ responses, feedback, cases }: PersonRecords): boolean {
  return responses.length === 0 && feedback.length === 0 && cases.length === 0;
}
