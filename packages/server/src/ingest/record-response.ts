import type { ErrorIssue } from '@closeloop/sdk/schemas';
import { caseFacts } from '../cases/case-facts.js';
import { caseForResponse } from '../cases/case-for-response.js';
import { followUpReason } from '@closeloop/sdk/logic';
import { responseSearchText } from '../cases/case-search-text.js';
import { customerOf } from '../cases/customer-of.js';
import { linkNextAnswerToCase } from '../cases/link-next-answer.js';
import { openCase } from '../cases/open-case.js';
import type { Conn } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { findCaseIdOf, refreshCaseCustomer } from '../repos/cases.js';
import { projectSettingsCached } from '../repos/project-settings.js';
import { findResponseForMerge, insertResponse, insertResponseFindingAwaitingCase, updateResponse } from '../repos/responses.js';
import type { NewResponse, ResponseForMerge, ResponseValues, StoredRespondent } from '../repos/responses.js';
import { findSurveyCached } from '../repos/surveys.js';
import { answerIssues } from './answer-issues.js';
import { npsScoreOf } from './nps-score.js';

/** One step of a response as the browser sent it, its identity verified and its times settled. */
export type RecordResponseInput = NewResponse;

export type RecordResponseResult =
  | { outcome: 'created' | 'merged'; id: string; followUpId: string | null }
  /** The id already belongs to a response of another project or survey. Nothing was written. */
  | { outcome: 'conflict' }
  | { outcome: 'survey_not_found' }
  | { outcome: 'survey_inactive' }
  /** Some answers do not fit their questions; each issue names `answers.<id>`. Nothing was written. */
  | { outcome: 'invalid_answers'; issues: ErrorIssue[] };

/**
 * Records one step of a response in one transaction: loads the survey, checks the answers against it, inserts
 * the response or merges the step into the one stored under the same id, and, when the merged answers match the
 * survey's follow-up rule and the response has no case yet, opens its case. An NPS answer that follows a resolved case
 * of the same customer is linked to it (`linkNextAnswerToCase`). The response and its cases commit
 * together or not at all. Pass a transaction as `conn` to share it (a batch of responses, one commit).
 *
 * Race-safe on both dialects without retries: the insert comes first with ON CONFLICT DO NOTHING, so a duplicate
 * post waits on the first one's row (PostgreSQL) or on the write lock (SQLite) and then merges into the committed
 * row, which it reads locked. The case insert relies on UNIQUE(response_id) the same way.
 */
export function recordResponse(conn: Conn, input: RecordResponseInput): Promise<RecordResponseResult> {
  return withTransaction(conn, async (trx) => {
    const survey = await findSurveyCached(trx, input.projectId, input.surveyId);
    if (survey === null) return { outcome: 'survey_not_found' };
    if (!survey.active) return { outcome: 'survey_inactive' };
    const issues = answerIssues(survey, input.answers);
    if (issues.length > 0) return { outcome: 'invalid_answers', issues };

    let score = npsScoreOf(survey, input.answers);
    // An NPS answer may measure an earlier case of the customer's: looked up with the insert (one round trip).
    const { inserted, awaitingCaseId } =
      score === null
        ? { inserted: await insertResponse(trx, input, score), awaitingCaseId: undefined }
        : await insertResponseFindingAwaitingCase(trx, input, score, customerOf(input.respondent));
    let { answers, respondent } = input;
    if (!inserted) {
      const stored = await findResponseForMerge(trx, input.id);
      if (stored === null) throw new Error(`response ${input.id} was neither inserted nor found`);
      if (stored.projectId !== input.projectId || stored.surveyId !== input.surveyId) return { outcome: 'conflict' };
      const merged = mergeStep(stored, input);
      score = npsScoreOf(survey, merged.answers);
      await updateResponse(trx, input.id, merged, score, input.receivedAt);
      ({ answers, respondent } = merged);
    }

    const outcome = inserted ? 'created' : 'merged';
    // The customer's answer after a resolved case of theirs measures whether it won them back (first step with a score).
    if (score !== null) {
      const customer = customerOf(respondent);
      // What the insert looked up holds for a new response only: a merged one's identity may come from the stored row.
      await linkNextAnswerToCase(trx, { projectId: input.projectId, responseId: input.id, score, customer, receivedAt: input.receivedAt, isNew: inserted, ...(inserted && { awaitingCaseId }) });
    }

    const searchText = responseSearchText(survey, answers);
    // A response inserted just now has no case yet: only a later step looks its case up.
    const existingCase = inserted ? null : await findCaseIdOf(trx, { responseId: input.id });
    if (existingCase !== null) {
      // The comment usually comes after the score that opened the case, and identify() may come mid-survey.
      await refreshCaseCustomer(trx, existingCase, searchText, customerOf(respondent));
      return { outcome, id: input.id, followUpId: existingCase };
    }

    // The settings (business hours, customer value) are read only for an answer that opens a case.
    const terms =
      followUpReason(survey, answers) === null
        ? null
        : caseForResponse(survey, answers, caseFacts(respondent, input.context.url, input.answeredAt), await projectSettingsCached(trx, input.projectId));
    const followUpId =
      terms &&
      (await openCase(trx, {
        projectId: input.projectId,
        cause: { responseId: input.id, surveyId: survey.id, reason: terms.reason },
        priority: terms.priority,
        dueAt: terms.dueAt,
        route: terms.route,
        openedAt: input.receivedAt,
        searchText,
        customer: customerOf(respondent),
        newCause: inserted,
      }));
    return { outcome, id: input.id, followUpId };
  });
}

/** A later step merged into the stored response: answers add up, and a response never goes back to unfinished. */
function mergeStep(stored: ResponseForMerge, step: ResponseValues): ResponseValues {
  return {
    answers: { ...stored.answers, ...step.answers },
    // A late retry of step one must not undo the last step.
    finished: stored.finished || step.finished,
    respondent: mergeRespondent(stored.respondent, step.respondent),
  };
}

/**
 * Respondent and context stay as first stored, except that a later step may identify the visitor (identify()
 * called mid-survey): a submission carrying a userId replaces the identity and its verdict, and merges attributes.
 */
function mergeRespondent(stored: StoredRespondent, next: StoredRespondent): StoredRespondent {
  if (next.userId === undefined) return stored;
  const attributes = stored.attributes || next.attributes ? { ...stored.attributes, ...next.attributes } : undefined;
  return { ...stored, ...next, ...(attributes && { attributes }) };
}
