import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { verifyIdentity } from '@closeloop/sdk/node';
import { CONFIG_VERSION, ConfigResponse, FeedbackSubmission, ResponseSubmission } from '@closeloop/sdk/schemas';
import type { FeedbackAccepted, ResponseAccepted } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../app-env.js';
import type { Db } from '../db/db.js';
import { clampClientTime } from '../http/clamp-client-time.js';
import { findPublicProject } from '../http/find-public-project.js';
import { HttpError } from '../http/http-error.js';
import { readPublicSubmission } from '../http/read-public-submission.js';
import { matchesEtag } from '../http/static-file.js';
import { parseOrThrow } from '../http/zod-issues.js';
import { recordFeedback } from '../ingest/record-feedback.js';
import { recordResponse } from '../ingest/record-response.js';
import { bodySizeLimit } from '../middleware/body-size-limit/index.js';
import { publicCors } from '../middleware/public-cors/index.js';
import { listAnsweredSurveys } from '../repos/responses.js';
import { listActiveSurveys } from '../repos/surveys.js';
import { publicSurvey } from './public-survey.js';
import { ConfigQuery } from './config-query.js';

export interface PublicApiOptions {
  db: Db;
  now: () => Date;
  /** Largest accepted response or feedback body, in bytes. */
  maxBodyBytes: number;
}

/**
 * The public API pages call with the project's public key (mounted at `/v1`): CORS limited to the project's
 * allowed origins, bodies as JSON or text/plain. Each browser POST is one use case in one transaction.
 */
export function publicApi({ db, now, maxBodyBytes }: PublicApiOptions): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      .use('*', publicCors({ db }))

      /**
       * `GET /v1/config?project=pk_…`: the project's active surveys. `no-cache` plus an ETag of the body: browsers
       * revalidate on every page view, and an unchanged config costs a 304 with no body.
       *
       * With `&user=<id>&signature=<hex>` and a signature that verifies, the reply also lists the surveys this user
       * answered (on any device), so the browser's frequency caps hold across devices; that reply is `private`.
       * Without a valid signature the reply is the same as without a user: nothing tells whether the user exists.
       */
      .get('/config', async (c) => {
        const { project: key, user, signature } = parseOrThrow(ConfigQuery, c.req.query(), 'query');
        const project = await findPublicProject(c, db, key);

        const verified = user !== undefined && signature !== undefined && verifyIdentity(project.identitySecret, user, signature);
        const answered = verified ? await listAnsweredSurveys(db.kysely, project.id, user) : undefined;
        const surveys = (await listActiveSurveys(db.kysely, project.id)).map(publicSurvey);
        const text = JSON.stringify(ConfigResponse.parse({ configVersion: CONFIG_VERSION, project: key, surveys, answered }));
        const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
        const headers = { ETag: etag, 'Cache-Control': verified ? 'private, no-cache' : 'no-cache' };
        if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
        return c.body(text, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
      })

      /**
       * `POST /v1/responses`: one step of a response (partial responses share the client's id). Validated against
       * the contract and the survey, then stored and, when the survey's rule matches, turned into a follow-up case in
       * the same transaction. 201 for a new response, 200 when merged into (or repeating) a stored one.
       */
      .post('/responses', bodySizeLimit({ maxBytes: maxBodyBytes }), async (c) => {
        const { submission, project, respondent } = await readPublicSubmission(c, { db, schema: ResponseSubmission, what: 'response' });
        const receivedAt = now();
        const result = await recordResponse(db.kysely, {
          projectId: project.id,
          surveyId: submission.surveyId,
          id: submission.id,
          answers: submission.answers,
          finished: submission.finished,
          respondent,
          context: submission.context,
          answeredAt: clampClientTime(submission.answeredAt, receivedAt),
          receivedAt: receivedAt.toISOString(),
        });
        switch (result.outcome) {
          case 'survey_not_found':
            throw HttpError.field(404, 'survey_not_found', 'surveyId', `project has no survey "${submission.surveyId}"`);
          case 'survey_inactive':
            throw HttpError.field(422, 'survey_inactive', 'surveyId', `survey "${submission.surveyId}" is not active`);
          case 'invalid_answers': {
            const paths = result.issues.map((i) => i.path).join(', ');
            throw new HttpError(422, 'invalid_answers', `Answers do not fit survey ${submission.surveyId}: ${paths}`, { issues: result.issues });
          }
          case 'conflict':
            throw HttpError.field(409, 'response_conflict', 'id', 'already used by a response to another survey or project');
        }
        const accepted: ResponseAccepted = { id: result.id, followUpId: result.followUpId };
        return c.json(accepted, result.outcome === 'created' ? 201 : 200);
      })

      /**
       * `POST /v1/feedback`: what a visitor sent through the feedback button. The same public rules as responses;
       * stored once per client id, and a `problem` opens a follow-up case in the same transaction. 201 when new, 200
       * for a repeat of a stored one.
       */
      .post('/feedback', bodySizeLimit({ maxBytes: maxBodyBytes }), async (c) => {
        const { submission, project, respondent } = await readPublicSubmission(c, { db, schema: FeedbackSubmission, what: 'feedback' });
        const receivedAt = now();
        const result = await recordFeedback(db.kysely, {
          projectId: project.id,
          id: submission.id,
          category: submission.category,
          comment: submission.comment,
          email: submission.email,
          respondent,
          context: submission.context,
          sentAt: clampClientTime(submission.sentAt, receivedAt),
          receivedAt: receivedAt.toISOString(),
        });
        if (result.outcome === 'conflict') throw HttpError.field(409, 'feedback_conflict', 'id', 'already used by feedback to another project');
        const accepted: FeedbackAccepted = { id: result.id, followUpId: result.followUpId };
        return c.json(accepted, result.outcome === 'created' ? 201 : 200);
      })
  );
}
