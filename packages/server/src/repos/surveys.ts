import { SurveyDefinition } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { lookupCache } from './lookup-cache.js';

function surveyFromRow(row: { definition: string }): SurveyDefinition {
  return SurveyDefinition.parse(JSON.parse(row.definition));
}

/** Creates or replaces a survey; its `active` flag decides whether `/v1/config` lists it. */
export async function upsertSurvey(conn: Conn, projectId: string, survey: SurveyDefinition, now: Date): Promise<void> {
  surveysById.clear(conn);
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

const surveysById = lookupCache<SurveyDefinition | null>('surveys-by-id');

/**
 * {@link findSurvey} for ingest, without reading and parsing the definition for every answer (see lookup-cache.ts: a
 * change made by another instance shows here within a second). The survey is shared: callers must not change it.
 */
export function findSurveyCached(conn: Conn, projectId: string, surveyId: string): Promise<SurveyDefinition | null> {
  return surveysById.get(conn, `${projectId}/${surveyId}`, () => findSurvey(conn, projectId, surveyId));
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
