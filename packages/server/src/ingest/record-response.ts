import type { ErrorIssue, SurveyDefinition } from '@closeloop/sdk/schemas';
import type { Transaction } from 'kysely';
import { caseFacts } from '../cases/case-facts.js';
import { caseForResponse } from '../cases/case-for-response.js';
import { followUpReason } from '@closeloop/sdk/logic';
import { responseSearchText } from '../cases/case-search-text.js';
import { customerOf } from '../cases/customer-of.js';
import { linkNextAnswerToCase } from '../cases/link-next-answer.js';
import { moreMayFollow, noticeChanged, noticesHeldUntil } from '../cases/notice-hold.js';
import { openCase } from '../cases/open-case.js';
import type { Database } from '../db/database.js';
import type { Conn } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { noticesHeld, notifyCase, releaseHeldNotices } from '../jobs/notify-case/notify-case.js';
import { appendCaseEvents } from '../repos/case-events.js';
import { findCaseIdOf, refreshCaseCustomer } from '../repos/cases.js';
import { projectSettingsCached } from '../repos/project-settings.js';
import { findResponseForMerge, insertResponsesFindingAwaitingCases, updateResponse } from '../repos/responses.js';
import type { InsertedResponse, NewResponse, ResponseForMerge, ResponseToInsert, ResponseValues, StoredRespondent } from '../repos/responses.js';
import { insertTogether } from './insert-together.js';
import { findSurveyCached } from '../repos/surveys.js';
import { answerIssues } from './answer-issues.js';
import { npsScoreOf } from './nps-score.js';

/**
 * One step of a response as the browser sent it, its identity verified and its times settled. `closed`: no step
 * will follow (not stored: it only stops the case's notices waiting for the rest of the answer).
 */
export type RecordResponseInput = NewResponse & { closed?: boolean };

export type RecordResponseResult =
  | { outcome: 'created' | 'merged'; id: string; followUpId: string | null }
  /** The id already belongs to a response of another project or survey. Nothing was written. */
  | { outcome: 'conflict' }
  | { outcome: 'survey_not_found' }
  | { outcome: 'survey_inactive' }
  /** Some answers do not fit their questions; each issue names `answers.<id>`. Nothing was written. */
  | { outcome: 'invalid_answers'; issues: ErrorIssue[] };

/** A step checked against its survey and inserted (or found taken), as the rest of its recording goes on from. */
type Checked =
  | { refused: RecordResponseResult }
  | { refused?: undefined; survey: SurveyDefinition; score: number | null; inserted: boolean; awaitingCaseId: string | null };

/**
 * Records one step of a response in one transaction: loads the survey, checks the answers against it, inserts
 * the response or merges the step into the one stored under the same id, and, when the merged answers match the
 * survey's follow-up rule and the response has no case yet, opens its case; while the customer may still write the
 * comment or say how to reach them, its notices wait for it (`cases/notice-hold.ts`), and a comment or contact that
 * comes after they went out is told of as `follow_up.answer_updated`. An NPS answer that follows a resolved case of
 * the same customer is linked to it (`linkNextAnswerToCase`). The response and its cases commit
 * together or not at all. Pass a transaction as `conn` to share it (a batch of responses, one commit).
 *
 * Race-safe on both dialects without retries: the insert comes first with ON CONFLICT DO NOTHING, so a duplicate
 * post waits on the first one's row (PostgreSQL) or on the write lock (SQLite) and then merges into the committed
 * row, which it reads locked. The case insert relies on UNIQUE(response_id) the same way.
 */
export function recordResponse(conn: Conn, input: RecordResponseInput): Promise<RecordResponseResult> {
  return withTransaction(conn, async (trx) => recordChecked(trx, input, await checkAndInsert(trx, input)));
}

/**
 * {@link recordResponse} in two steps for group commit: `ahead` checks the step and inserts it, and is started for
 * every answer of a batch at once, so their inserts go in together (one statement on PostgreSQL, `insertTogether`);
 * `work` then records the rest, one answer after another, in the batch's order.
 */
export function recordResponseInBatch(input: RecordResponseInput): { ahead: (trx: Transaction<Database>) => Promise<void>; work: (trx: Transaction<Database>) => Promise<RecordResponseResult> } {
  let checked: Promise<Checked> | undefined;
  return {
    ahead: async (trx) => {
      checked = checkAndInsert(trx, input, (item) => insertTogether(trx, item));
      await checked;
    },
    work: async (trx) => {
      if (checked === undefined) throw new Error('recordResponseInBatch: work ran before ahead');
      return recordChecked(trx, input, await checked);
    },
  };
}

/** Loads the survey, checks the answers, and inserts the step unless its id is taken (then it is merged later). */
async function checkAndInsert(
  trx: Transaction<Database>,
  input: RecordResponseInput,
  insert: (item: ResponseToInsert) => Promise<InsertedResponse> = async (item) => (await insertResponsesFindingAwaitingCases(trx, [item]))[0]!,
): Promise<Checked> {
  const survey = await findSurveyCached(trx, input.projectId, input.surveyId);
  if (survey === null) return { refused: { outcome: 'survey_not_found' } };
  if (!survey.active) return { refused: { outcome: 'survey_inactive' } };
  const issues = answerIssues(survey, input.answers);
  if (issues.length > 0) return { refused: { outcome: 'invalid_answers', issues } };
  const score = npsScoreOf(survey, input.answers);
  // An NPS answer may measure an earlier case of the customer's: looked up with the insert.
  const { inserted, awaitingCaseId } = await insert({ response: input, npsScore: score, customer: score === null ? null : customerOf(input.respondent) });
  return { survey, score, inserted, awaitingCaseId };
}

async function recordChecked(trx: Transaction<Database>, input: RecordResponseInput, checked: Checked): Promise<RecordResponseResult> {
  if (checked.refused) return checked.refused;
  const { survey, inserted, awaitingCaseId } = checked;
  let { score } = checked;
  let { answers, respondent, finished } = input;
  // The questions this step answered or changed: a retry of a stored step changes none.
  let changed: string[] = [];
  // The stored response's case, if any, held its notices for the rest of the answer, which this step completes (or
  // closes without: the customer closed the survey).
  let restCame = false;
  if (!inserted) {
    const stored = await findResponseForMerge(trx, input.id);
    if (stored === null) throw new Error(`response ${input.id} was neither inserted nor found`);
    if (stored.projectId !== input.projectId || stored.surveyId !== input.surveyId) return { outcome: 'conflict' };
    changed = Object.keys(input.answers).filter((id) => JSON.stringify(input.answers[id]) !== JSON.stringify(stored.answers[id]));
    const merged = mergeStep(stored, input);
    score = npsScoreOf(survey, merged.answers);
    await updateResponse(trx, input.id, merged, score, input.receivedAt);
    restCame = moreMayFollow(survey, stored.answers, stored.finished) && !moreMayFollow(survey, merged.answers, merged.finished || input.closed === true);
    ({ answers, respondent, finished } = merged);
  }

  const outcome = inserted ? 'created' : 'merged';
  // The customer's answer after a resolved case of theirs measures whether it won them back (first step with a score).
  if (score !== null) {
    // What the insert looked up holds for a new response only: a merged one's identity may come from the stored row.
    await linkNextAnswerToCase(trx, { projectId: input.projectId, responseId: input.id, score, customer: customerOf(respondent), receivedAt: input.receivedAt, isNew: inserted, ...(inserted && { awaitingCaseId }) });
  }

  const searchText = responseSearchText(survey, answers);
  // A response inserted just now has no case yet: only a later step looks its case up.
  const existingCase = inserted ? null : await findCaseIdOf(trx, { responseId: input.id });
  if (existingCase !== null) {
    // The comment usually comes after the score that opened the case, and identify() may come mid-survey.
    await refreshCaseCustomer(trx, existingCase, searchText, customerOf(respondent));
    // On the timeline, which also tells an open inbox (its event stream) that the case has more to read.
    const [updated] =
      changed.length > 0
        ? await appendCaseEvents(trx, input.projectId, existingCase, [{ type: 'answer_updated', actor: { kind: 'customer' }, at: input.receivedAt, before: null, after: { questionIds: changed } }])
        : [];
    const held = { projectId: input.projectId, caseId: existingCase, now: new Date(input.receivedAt) };
    // The rest of the answer is in, or is not coming: webhooks, Slack and staff mail of the case go now, with what
    // the customer gave.
    // When none was still held (the wait was over, or there was none), they went out without it.
    const toldWithIt = restCame && (await releaseHeldNotices(trx, held));
    // A comment or contact given after they went out is told of on its own; one that comes while they still wait (the
    // comment, with the contact step to follow) goes with them. A release that found none held has answered that.
    if (!toldWithIt && updated !== undefined && noticeChanged(survey, changed) && (restCame || !(await noticesHeld(trx, held))))
      await notifyCase(trx, { projectId: input.projectId, caseId: existingCase, event: 'follow_up.answer_updated', now: held.now, occurrence: updated });
    return { outcome, id: input.id, followUpId: existingCase };
  }

  // The settings (business hours, customer value, the notices' wait) are read only for an answer that opens a case.
  if (followUpReason(survey, answers) === null) return { outcome, id: input.id, followUpId: null };
  const settings = await projectSettingsCached(trx, input.projectId);
  const terms = caseForResponse(survey, answers, caseFacts(respondent, input.context.url, input.answeredAt), settings);
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
      noticesHeldUntil: noticesHeldUntil(survey, answers, finished || input.closed === true, input.receivedAt, settings.commentWaitSeconds),
    }));
  return { outcome, id: input.id, followUpId };
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
