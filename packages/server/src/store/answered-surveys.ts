import type { Kysely } from 'kysely';
import type { AnsweredSurvey } from '@closeloop/sdk/schemas';
import type { Database } from './database.js';

/**
 * The surveys `userId` answered in this project, each with the time of its latest answer: what the config reply
 * tells the browser so frequency caps hold across devices. Only verified responses count, so nobody can hold a
 * survey back from another user by answering under their id without a signature. Served by the
 * (project_id, user_id) index of migration 0003.
 */
export async function answeredSurveys(db: Kysely<Database>, projectId: string, userId: string): Promise<AnsweredSurvey[]> {
  const rows = await db
    .selectFrom('responses')
    .select(['survey_id', (eb) => eb.fn.max('updated_at').as('at')])
    .where('project_id', '=', projectId)
    .where('verified', '=', 1)
    .where('user_id', '=', userId)
    .groupBy('survey_id')
    .orderBy('survey_id')
    .execute();
  return rows.map((row) => ({ surveyId: row.survey_id, at: new Date(row.at).toISOString() }));
}
