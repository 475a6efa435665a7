import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { CONFIG_VERSION, ConfigResponse, FeedbackSubmission, ResponseSubmission, SignedUser, Uuid } from '@closeloop/sdk/schemas';
import type { FeedbackAccepted, MessageList, ResponseAccepted } from '@closeloop/sdk/schemas';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.js';
import type { Db } from '../db/db.js';
import { clampClientTime } from '../http/clamp-client-time.js';
import { findPublicProject } from '../http/find-public-project.js';
import { HttpError } from '../http/http-error.js';
import { readPublicSubmission } from '../http/read-public-submission.js';
import { matchesEtag } from '../http/static-file.js';
import { parseOrThrow } from '../http/zod-issues.js';
import { recordMessageSeen } from '../cases/record-message-seen.js';
import { readJsonBody } from '../http/read-json-body.js';
import { verifiedUserOf } from '../identity/verified-user.js';
import { recordFeedback } from '../ingest/record-feedback.js';
import { recordResponseInBatch } from '../ingest/record-response.js';
import { bodySizeLimit } from '../middleware/body-size-limit/index.js';
import { publicCors } from '../middleware/public-cors/index.js';
import { publicRateLimits } from '../middleware/rate-limit/index.js';
import type { RateLimitOptions } from '../middleware/rate-limit/index.js';
import { listUnseenMessages } from '../repos/messages.js';
import { listAnsweredSurveys } from '../repos/responses.js';
import { listActiveSurveys } from '../repos/surveys.js';
import { publicSurvey } from './public-survey.js';
import { ConfigQuery } from './config-query.js';

export interface PublicApiOptions {
  db: Db;
  now: () => Date;
  /** Largest accepted response or feedback body, in bytes. */
  maxBodyBytes: number;
  /** Per address and per project; the defaults when unset. */
  rateLimits?: RateLimitOptions;
}

const MessagePath = z.object({ id: Uuid });

/**
 * The project and the verified user a messages request names: 404 for an unknown key, 403 for a page origin the
 * project does not allow, and 403 naming `signature` when the identity is unsigned or wrongly signed. Nothing in
 * the reply tells whether the user or a message exists.
 */
async function signedUserOf(c: Context<AppEnv>, db: Db, identity: SignedUser) {
  const project = await findPublicProject(c, db, identity.project);
  const userId = verifiedUserOf(project, identity.user, identity.signature);
  if (userId === null) throw HttpError.field(403, 'identity_not_verified', 'signature', "must be your backend's HMAC-SHA256 of the user id (signIdentity): messages are for verified users only");
  return { project, userId };
}

/**
 * The public API pages call with the project's public key (mounted at `/v1`): CORS limited to the project's
 * allowed origins, rate limits per address and per project, bodies as JSON or text/plain. Each browser POST is one
 * use case; answers and feedback that arrive together share one transaction (db.groupCommit), each acknowledged once
 * it has committed.
 */
export function publicApi({ db, now, maxBodyBytes, rateLimits }: PublicApiOptions): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      .use('*', publicCors({ db }))
      // Inside CORS, so a page can read its 429.
      .use('*', publicRateLimits(rateLimits))

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

        const verifiedUser = verifiedUserOf(project, user, signature);
        const verified = verifiedUser !== null;
        const answered = verified ? await listAnsweredSurveys(db.kysely, project.id, verifiedUser) : undefined;
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
        const input = {
          projectId: project.id,
          surveyId: submission.surveyId,
          id: submission.id,
          answers: submission.answers,
          finished: submission.finished,
          closed: submission.closed,
          respondent,
          context: submission.context,
          answeredAt: clampClientTime(submission.answeredAt, receivedAt),
          receivedAt: receivedAt.toISOString(),
        };
        // Committed with the answers that arrived alongside it (one transaction, one commit), before the reply.
        const { work, ahead } = recordResponseInBatch(input);
        const result = await db.groupCommit.run(work, ahead);
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
        const input = {
          projectId: project.id,
          id: submission.id,
          category: submission.category,
          comment: submission.comment,
          email: submission.email,
          respondent,
          context: submission.context,
          sentAt: clampClientTime(submission.sentAt, receivedAt),
          receivedAt: receivedAt.toISOString(),
        };
        const result = await db.groupCommit.run((trx) => recordFeedback(trx, input));
        if (result.outcome === 'conflict') throw HttpError.field(409, 'feedback_conflict', 'id', 'already used by feedback to another project');
        const accepted: FeedbackAccepted = { id: result.id, followUpId: result.followUpId };
        return c.json(accepted, result.outcome === 'created' ? 201 : 200);
      })
      /**
       * `GET /v1/messages?project=pk_…&user=<id>&signature=<hex>`: the messages that closed the loop with this
       * verified user and that they have not seen yet, oldest first, for a widget chunk to show on their next visit.
       * `private, no-store`: a message is one user's.
       */
      .get('/messages', async (c) => {
        const { project, userId } = await signedUserOf(c, db, parseOrThrow(SignedUser, c.req.query(), 'query'));
        const body: MessageList = { data: await listUnseenMessages(db.kysely, project.id, userId) };
        return c.json(body, 200, { 'Cache-Control': 'private, no-store' });
      })
      /**
       * `POST /v1/messages/:id/seen` with `{ project, user, signature }` (JSON or text/plain, so sendBeacon and a
       * preflight-free fetch can send it): 204, the message marked seen and `message_seen` on the case's timeline,
       * once however often it is sent. 404 when the verified user has no such message (another user's included).
       */
      .post('/messages/:id/seen', bodySizeLimit({ maxBytes: 4_096 }), async (c) => {
        const { id } = parseOrThrow(MessagePath, c.req.param(), 'path');
        const { project, userId } = await signedUserOf(c, db, parseOrThrow(SignedUser, await readJsonBody(c), 'identity'));
        const result = await recordMessageSeen(db.kysely, { projectId: project.id, userId, messageId: id, now: now() });
        if (result === 'not_found') throw HttpError.field(404, 'message_not_found', 'id', 'this user has no such message');
        return c.body(null, 204);
      })
  );
}
