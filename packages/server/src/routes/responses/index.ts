import type { Context } from 'hono';
import { ResponseSubmission } from '@closeloop/sdk/schemas';
import type { ResponseAccepted } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { clampClientTime } from '../../http/clamp-client-time.js';
import { HttpError } from '../../http/http-error.js';
import { readPublicSubmission } from '../../http/read-public-submission.js';
import type { Db } from '../../db/db.js';
import { recordResponse } from '../../ingest/record-response.js';

export interface ResponsesRouteOptions {
  db: Db;
  now: () => Date;
}

/**
 * `POST /v1/responses`: one step of a response (partial responses share the client's id). Validated against the
 * contract and the survey, then stored and, when the survey's rule matches, turned into a follow-up case in the
 * same transaction. 201 for a new response, 200 when merged into (or repeating) a stored one.
 */
export function postResponses({ db, now }: ResponsesRouteOptions) {
  return async function postResponses(c: Context<AppEnv>) {
    const { submission, project, respondent } = await readPublicSubmission(c, { db, schema: ResponseSubmission, what: 'response' });

    const receivedAt = now();
    const answeredAt = clampClientTime(submission.answeredAt, receivedAt);
    const result = await recordResponse(db.kysely, {
      projectId: project.id,
      surveyId: submission.surveyId,
      id: submission.id,
      answers: submission.answers,
      finished: submission.finished,
      respondent,
      context: submission.context,
      answeredAt,
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
  };
}
