import { SurveyDefinition } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';

function surveyFromRow(row: { definition: string }): SurveyDefinition {
  return SurveyDefinition.parse(JSON.parse(row.definition));
}

/** Creates or replaces a survey; its `active` flag decides whether `/v1/config` lists it. */
export async function upsertSurvey(conn: Conn, projectId: string, survey: SurveyDefinition, now: Date): Promise<void> {
  const values = {
    project_id: projectId,
    id: survey.id,
    definition: JSON.stringify(survey),
    active: survey.active ? 1 : 0,
    updated_at: now.toISOString(),
  };
  await conn
    .insertInto('surveys')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['project_id', 'id']).doUpdateSet({ definition: values.definition, active: values.active, updated_at: values.updated_at }),
    )
    .execute();
}

export async function findSurvey(conn: Conn, projectId: string, surveyId: string): Promise<SurveyDefinition | null> {
  const row = await conn.selectFrom('surveys').select('definition').where('project_id', '=', projectId).where('id', '=', surveyId).executeTakeFirst();
  return row ? surveyFromRow(row) : null;
}

/** What `/v1/config` serves: the active surveys, by id. */
export async function listActiveSurveys(conn: Conn, projectId: string): Promise<SurveyDefinition[]> {
  const rows = await conn.selectFrom('surveys').select('definition').where('project_id', '=', projectId).where('active', '=', 1).orderBy('id').execute();
  return rows.map(surveyFromRow);
}

/** Every survey of the project, active or not, by id: what the management API lists. */
export async function listSurveys(conn: Conn, projectId: string): Promise<SurveyDefinition[]> {
  const rows = await conn.selectFrom('surveys').select('definition').where('project_id', '=', projectId).orderBy('id').execute();
  return rows.map(surveyFromRow);
}
