import type { Context } from 'hono';
import { FeedbackSubmission } from '@closeloop/sdk/schemas';
import type { FeedbackAccepted } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { clampClientTime } from '../../http/clamp-client-time.js';
import { HttpError } from '../../http/http-error.js';
import { readPublicSubmission } from '../../http/read-public-submission.js';
import type { Db } from '../../db/db.js';
import { recordFeedback } from '../../ingest/record-feedback.js';

export interface FeedbackRouteOptions {
  db: Db;
  now: () => Date;
}

/**
 * `POST /v1/feedback`: what a visitor sent through the feedback button. The same public rules as responses
 * (text/plain or JSON, size cap, the project's origins); stored once per client id, and a `problem` opens a
 * follow-up case in the same transaction. 201 when new, 200 for a repeat of a stored one.
 */
export function postFeedback({ db, now }: FeedbackRouteOptions) {
  return async function postFeedback(c: Context<AppEnv>) {
    const { submission, project, respondent } = await readPublicSubmission(c, { db, schema: FeedbackSubmission, what: 'feedback' });

    const receivedAt = now();
    const sentAt = clampClientTime(submission.sentAt, receivedAt);
    const result = await recordFeedback(db.kysely, {
      projectId: project.id,
      id: submission.id,
      category: submission.category,
      comment: submission.comment,
      ...(submission.email !== undefined && { email: submission.email }),
      respondent,
      context: submission.context,
      sentAt,
      receivedAt: receivedAt.toISOString(),
    });
    if (result.outcome === 'conflict') throw HttpError.field(409, 'feedback_conflict', 'id', 'already used by feedback to another project');
    const accepted: FeedbackAccepted = { id: result.id, followUpId: result.followUpId };
    return c.json(accepted, result.outcome === 'created' ? 201 : 200);
  };
}
