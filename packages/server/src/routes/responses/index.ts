import type { Context } from 'hono';
import { ResponseSubmission } from '@closeloop/sdk/schemas';
import type { ResponseAccepted } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { openFollowUp } from '../../followups/open-follow-up.js';
import { clampClientTime } from '../../http/clamp-client-time.js';
import { HttpError } from '../../http/http-error.js';
import { readPublicSubmission } from '../../http/read-public-submission.js';
import type { Store } from '../../store/store.js';
import { checkAnswers } from './check-answers.js';

export interface ResponsesRouteOptions {
  store: Store;
  now: () => Date;
}

/**
 * `POST /v1/responses`: one step of a response (partial responses share the client's id). Validated against the
 * contract and the survey, then stored and, when the survey's rule matches, turned into a follow-up case in the
 * same transaction. 201 for a new response, 200 when merged into (or repeating) a stored one.
 */
export function postResponses({ store, now }: ResponsesRouteOptions) {
  return async function postResponses(c: Context<AppEnv>) {
    const { submission, project, respondent } = await readPublicSubmission(c, { store, schema: ResponseSubmission, what: 'response' });

    const survey = await store.getSurvey(project.id, submission.surveyId);
    if (survey === null) throw HttpError.field(404, 'survey_not_found', 'surveyId', `project has no survey "${submission.surveyId}"`);
    if (!survey.active) throw HttpError.field(422, 'survey_inactive', 'surveyId', `survey "${survey.id}" is not active`);
    checkAnswers(survey, submission.answers);

    const receivedAt = now();
    const answeredAt = clampClientTime(submission.answeredAt, receivedAt);
    const result = await store.recordResponse({
      projectId: project.id,
      surveyId: survey.id,
      id: submission.id,
      answers: submission.answers,
      finished: submission.finished,
      respondent,
      context: submission.context,
      answeredAt,
      receivedAt: receivedAt.toISOString(),
      followUpFor: (answers) => openFollowUp(survey, answers, new Date(answeredAt)),
    });
    if (result.outcome === 'conflict') {
      throw HttpError.field(409, 'response_conflict', 'id', 'already used by a response to another survey or project');
    }
    const accepted: ResponseAccepted = { id: result.id, followUpId: result.followUpId };
    return c.json(accepted, result.outcome === 'created' ? 201 : 200);
  };
}
