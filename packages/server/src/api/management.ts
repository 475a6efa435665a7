import { Hono } from 'hono';
import { FeedbackListQuery, FollowUpListQuery, ResponseListQuery, Slug, SurveyDefinition } from '@closeloop/sdk/schemas';
import type { SurveyList } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import type { AppEnv } from '../app-env.js';
import type { Db } from '../db/db.js';
import { HttpError } from '../http/http-error.js';
import { pageBody, pageRequest } from '../http/list-page.js';
import { readJsonBody } from '../http/read-json-body.js';
import { parseOrThrow } from '../http/zod-issues.js';
import { bodySizeLimit } from '../middleware/body-size-limit/index.js';
import { managementAuth } from '../middleware/management-auth/index.js';
import { requirePermission } from '../middleware/require-permission/index.js';
import { listCases } from '../repos/cases.js';
import { listFeedback } from '../repos/feedback.js';
import { listResponses } from '../repos/responses.js';
import { findSurvey, listSurveys, upsertSurvey } from '../repos/surveys.js';
import { integrationsApi } from './management/integrations.js';
import { webhooksApi } from './management/webhooks.js';

export interface ManagementApiOptions {
  db: Db;
  now: () => Date;
  /** `--allow-private-webhooks`: webhooks and Slack may target loopback and private networks (the demo, tests). */
  allowPrivateWebhooks?: boolean;
}

const SurveyPath = z.object({ id: Slug });

const surveyNotFound = (id: string) => HttpError.field(404, 'survey_not_found', 'id', `project has no survey "${id}"`);

/**
 * The management API (mounted at `/api/v1`): every request authenticates to a principal (`Authorization: Bearer
 * sk_…` today), each route names the permission it needs, and every query is scoped to the principal's project.
 */
export function managementApi({ db, now, allowPrivateWebhooks = false }: ManagementApiOptions): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      .use('*', managementAuth({ db }))
      .route('/', webhooksApi({ db, now, allowPrivateWebhooks }))
      .route('/', integrationsApi({ db, now, allowPrivateWebhooks }))

      /** `GET /api/v1/follow-ups`: the project's cases, newest first, each with its full response or feedback. */
      .get('/follow-ups', requirePermission('cases:read'), async (c) => {
        const query = parseOrThrow(FollowUpListQuery, c.req.query(), 'query');
        return c.json(pageBody(await listCases(db.kysely, c.get('principal').project.id, pageRequest(query))));
      })

      /** `GET /api/v1/responses`: the project's responses, newest received first; the signature is never echoed. */
      .get('/responses', requirePermission('responses:read'), async (c) => {
        const query = parseOrThrow(ResponseListQuery, c.req.query(), 'query');
        return c.json(pageBody(await listResponses(db.kysely, c.get('principal').project.id, pageRequest(query))));
      })

      /** `GET /api/v1/feedback`: the project's feedback, newest received first, optionally of one category. */
      .get('/feedback', requirePermission('feedback:read'), async (c) => {
        const query = parseOrThrow(FeedbackListQuery, c.req.query(), 'query');
        return c.json(pageBody(await listFeedback(db.kysely, c.get('principal').project.id, pageRequest(query))));
      })

      /** `GET /api/v1/surveys`: every survey of the project, active or not, by id. */
      .get('/surveys', requirePermission('surveys:read'), async (c) => {
        const body: SurveyList = { data: await listSurveys(db.kysely, c.get('principal').project.id) };
        return c.json(body);
      })

      /** `GET /api/v1/surveys/:id`: one survey as stored, defaults filled in. */
      .get('/surveys/:id', requirePermission('surveys:read'), async (c) => {
        const { id } = parseOrThrow(SurveyPath, c.req.param(), 'path');
        const survey = await findSurvey(db.kysely, c.get('principal').project.id, id);
        if (survey === null) throw surveyNotFound(id);
        return c.json(survey);
      })

      /**
       * `PUT /api/v1/surveys/:id`: creates (201) or replaces (200) the survey whole, so a deploy script can PUT the
       * same definition on every start. The body's `id` must be the path's: a typo must not silently create a second
       * survey. A survey with translations into many languages is bigger than a response, still far below 1 MiB.
       */
      .put('/surveys/:id', requirePermission('surveys:write'), bodySizeLimit({ maxBytes: 1024 * 1024 }), async (c) => {
        const { id } = parseOrThrow(SurveyPath, c.req.param(), 'path');
        const survey = parseOrThrow(SurveyDefinition, await readJsonBody(c), 'survey');
        if (survey.id !== id) throw HttpError.field(422, 'id_mismatch', 'id', `is "${survey.id}" in the body but "${id}" in the path`);
        const projectId = c.get('principal').project.id;
        const existed = (await findSurvey(db.kysely, projectId, id)) !== null;
        await upsertSurvey(db.kysely, projectId, survey, now());
        return c.json(survey, existed ? 200 : 201);
      })

      /**
       * `DELETE /api/v1/surveys/:id`: deactivates the survey (it leaves `/v1/config` at once) and keeps its
       * definition. Stored responses and follow-up cases point at the survey's questions, and an id reused by a
       * different survey would mix two surveys' answers, so nothing is erased; a PUT with `active: true` brings it back.
       */
      .delete('/surveys/:id', requirePermission('surveys:write'), async (c) => {
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
