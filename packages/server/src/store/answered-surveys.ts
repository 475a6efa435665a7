import { sql, type Kysely } from 'kysely';
import type { AnsweredSurvey } from '@closeloop/sdk/schemas';
import type { Database } from './database.js';

/**
 * The surveys `userId` answered in this project, each with the time of its latest answer: what the config reply
 * tells the browser so frequency caps hold across devices. Only verified responses count, so nobody can hold a
 * survey back from another user by answering under their id without a signature. The user id lives in the
 * respondent JSON; each dialect has its own way to read it.
 */
export async function answeredSurveys(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', projectId: string, userId: string): Promise<AnsweredSurvey[]> {
  const user = dialect === 'postgres' ? sql<string>`(respondent::jsonb ->> 'userId')` : sql<string>`json_extract(respondent, '$.userId')`;
  const rows = await db
    .selectFrom('responses')
    .select(['survey_id', (eb) => eb.fn.max('updated_at').as('at')])
    .where('project_id', '=', projectId)
    .where('verified', '=', 1)
    .where(user, '=', userId)
    .groupBy('survey_id')
    .orderBy('survey_id')
    .execute();
  return rows.map((row) => ({ surveyId: row.survey_id, at: new Date(row.at).toISOString() }));
}
