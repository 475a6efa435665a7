import { Hono } from 'hono';
import { Slug, SurveyDefinition } from '@closeloop/sdk/schemas';
import type { SurveyList } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import type { AppEnv } from '../../app-env.js';
import { routingTargetIssues } from '../../cases/routing-target-issues.js';
import { HttpError } from '../../http/http-error.js';
import { readJsonBody } from '../../http/read-json-body.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { bodySizeLimit } from '../../middleware/body-size-limit/index.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { findSurvey, listSurveys, upsertSurvey } from '../../repos/surveys.js';
import type { ManagementApiOptions } from './options.js';

const SurveyPath = z.object({ id: Slug });

const surveyNotFound = (id: string) => HttpError.field(404, 'survey_not_found', 'id', `project has no survey "${id}"`);

/** `/api/v1/surveys`: the project's survey definitions. */
export function surveysApi({ db, now }: ManagementApiOptions): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      /** `GET /api/v1/surveys`: every survey of the project, active or not, by id. */
      .get('/', requirePermission('surveys:read'), async (c) => {
        const body: SurveyList = { data: await listSurveys(db.kysely, c.get('principal').project.id) };
        return c.json(body);
      })

      /** `GET /api/v1/surveys/:id`: one survey as stored, defaults filled in. */
      .get('/:id', requirePermission('surveys:read'), async (c) => {
        const { id } = parseOrThrow(SurveyPath, c.req.param(), 'path');
        const survey = await findSurvey(db.kysely, c.get('principal').project.id, id);
        if (survey === null) throw surveyNotFound(id);
        return c.json(survey);
      })

      /**
       * `PUT /api/v1/surveys/:id`: creates (201) or replaces (200) the survey whole, so a deploy script can PUT the
       * same definition on every start. The body's `id` must be the path's: a typo must not silently create a second
       * survey. Routing rules must point at the project's teams and live members (422 naming the rule's field).
       * A survey with translations into many languages is bigger than a response, still far below 1 MiB.
       */
      .put('/:id', requirePermission('surveys:write'), bodySizeLimit({ maxBytes: 1024 * 1024 }), async (c) => {
        const { id } = parseOrThrow(SurveyPath, c.req.param(), 'path');
        const survey = parseOrThrow(SurveyDefinition, await readJsonBody(c), 'survey');
        if (survey.id !== id) throw HttpError.field(422, 'id_mismatch', 'id', `is "${survey.id}" in the body but "${id}" in the path`);
        const projectId = c.get('principal').project.id;
        const issues = await routingTargetIssues(db.kysely, projectId, survey.followUp.routing ?? [], 'followUp.routing');
        if (issues.length > 0) throw new HttpError(422, 'unknown_routing_target', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
        const existed = (await findSurvey(db.kysely, projectId, id)) !== null;
        await upsertSurvey(db.kysely, projectId, survey, now());
        return c.json(survey, existed ? 200 : 201);
      })

      /**
       * `DELETE /api/v1/surveys/:id`: deactivates the survey (it leaves `/v1/config` at once) and keeps its
       * definition. Stored responses and follow-up cases point at the survey's questions, and an id reused by a
       * different survey would mix two surveys' answers, so nothing is erased; a PUT with `active: true` brings it back.
       */
      .delete('/:id', requirePermission('surveys:write'), async (c) => {
        const { id } = parseOrThrow(SurveyPath, c.req.param(), 'path');
        const projectId = c.get('principal').project.id;
        const survey = await findSurvey(db.kysely, projectId, id);
        if (survey === null) throw surveyNotFound(id);
        const deactivated: SurveyDefinition = { ...survey, active: false };
        await upsertSurvey(db.kysely, projectId, deactivated, now());
        return c.json(deactivated);
      })
  );
}
