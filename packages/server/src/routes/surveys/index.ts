import type { Context } from 'hono';
import { z } from 'zod';
import { Slug, SurveyDefinition } from '@closeloop/sdk/schemas';
import type { SurveyList } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { HttpError } from '../../http/http-error.js';
import { readJsonBody } from '../../http/read-json-body.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import type { Db } from '../../db/db.js';
import { findSurvey, listSurveys as listStoredSurveys, upsertSurvey } from '../../repos/surveys.js';

export interface SurveysRouteOptions {
  db: Db;
  now: () => Date;
}

const SurveyPath = z.object({ id: Slug });

function surveyIdOf(c: Context<AppEnv>): string {
  return parseOrThrow(SurveyPath, { id: c.req.param('id') }, 'path').id;
}

function notFound(id: string): HttpError {
  return HttpError.field(404, 'survey_not_found', 'id', `project has no survey "${id}"`);
}

/** `GET /api/v1/surveys`: every survey of the project, active or not, by id. */
export function listSurveys({ db }: Pick<SurveysRouteOptions, 'db'>) {
  return async function listSurveys(c: Context<AppEnv>) {
    const body: SurveyList = { data: await listStoredSurveys(db.kysely, c.get('project').id) };
    return c.json(body);
  };
}

/** `GET /api/v1/surveys/:id`: one survey as stored, defaults filled in. */
export function getSurvey({ db }: Pick<SurveysRouteOptions, 'db'>) {
  return async function getSurvey(c: Context<AppEnv>) {
    const id = surveyIdOf(c);
    const survey = await findSurvey(db.kysely, c.get('project').id, id);
    if (survey === null) throw notFound(id);
    return c.json(survey);
  };
}

/**
 * `PUT /api/v1/surveys/:id`: creates (201) or replaces (200) the survey whole, so a deploy script can PUT the same
 * definition on every start. The body's `id` must be the path's: a typo must not silently create a second survey.
 */
export function putSurvey({ db, now }: SurveysRouteOptions) {
  return async function putSurvey(c: Context<AppEnv>) {
    const id = surveyIdOf(c);
    const survey = parseOrThrow(SurveyDefinition, await readJsonBody(c), 'survey');
    if (survey.id !== id) throw HttpError.field(422, 'id_mismatch', 'id', `is "${survey.id}" in the body but "${id}" in the path`);
    const projectId = c.get('project').id;
    const existed = (await findSurvey(db.kysely, projectId, id)) !== null;
    await upsertSurvey(db.kysely, projectId, survey, now());
    return c.json(survey, existed ? 200 : 201);
  };
}

/**
 * `DELETE /api/v1/surveys/:id`: deactivates the survey (it leaves `/v1/config` at once) and keeps its definition.
 * Stored responses and follow-up cases point at the survey's questions, and an id reused by a different survey
 * would mix two surveys' answers, so nothing is erased; a PUT with `active: true` brings it back.
 */
export function deleteSurvey({ db, now }: SurveysRouteOptions) {
  return async function deleteSurvey(c: Context<AppEnv>) {
    const id = surveyIdOf(c);
    const projectId = c.get('project').id;
    const survey = await findSurvey(db.kysely, projectId, id);
    if (survey === null) throw notFound(id);
    const deactivated: SurveyDefinition = { ...survey, active: false };
    await upsertSurvey(db.kysely, projectId, deactivated, now());
    return c.json(deactivated);
  };
}
