import type { Conn } from '../db/db.js';
import { appendCaseEvents } from '../repos/case-events.js';
import { findCaseAwaitingNextAnswer, linkNextAnswer, responseMeasuresACase } from '../repos/case-recovery.js';
import type { CaseCustomer } from '../repos/cases.js';
import { SYSTEM_ACTOR } from './system-actor.js';

export interface NextAnswer {
  projectId: string;
  responseId: string;
  score: number;
  customer: CaseCustomer;
  receivedAt: string;
  /** The response was inserted by this very transaction: it cannot measure a case yet, so that is not looked up. */
  isNew?: boolean;
  /** The case awaiting this answer, when already looked up with the response's insert (null: none). */
  awaitingCaseId?: string | null;
}

/**
 * Recovery measured: a customer's NPS answer that follows a resolved (or closed) case of theirs is linked to the
 * newest such case not yet linked, with its score, and a `next_answer` event on the case's timeline. Run in the
 * transaction that records the answer. An answer measures one case at most, and never the case it opened itself.
 * Returns the linked case's id, or null.
 */
export async function linkNextAnswerToCase(trx: Conn, answer: NextAnswer): Promise<string | null> {
  if (answer.isNew !== true && (await responseMeasuresACase(trx, answer.responseId))) return null;
  const caseId =
    answer.awaitingCaseId !== undefined
      ? answer.awaitingCaseId
      : await findCaseAwaitingNextAnswer(trx, answer.projectId, answer.customer, { responseId: answer.responseId, answeredBy: answer.receivedAt });
  if (caseId === null) return null;
  if (!(await linkNextAnswer(trx, caseId, { responseId: answer.responseId, score: answer.score }))) return null;
  await appendCaseEvents(trx, answer.projectId, caseId, [
    { type: 'next_answer', actor: SYSTEM_ACTOR, at: answer.receivedAt, after: { responseId: answer.responseId, score: answer.score } },
  ]);
  return caseId;
}
