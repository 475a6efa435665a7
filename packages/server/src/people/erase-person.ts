import type { CaseActor, ErasureCounts, PersonErasure } from '@closeloop/sdk/schemas';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { Conn } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { appendCaseEvents, eraseCaseEvent, listUnerasedCaseEvents } from '../repos/case-events.js';
import { eraseCaseRow } from '../repos/cases.js';
import type { CaseRow } from '../repos/cases.js';
import { eraseFeedback } from '../repos/feedback.js';
import { eraseJobErrors } from '../repos/jobs.js';
import { eraseMessage, listPersonMessages } from '../repos/messages.js';
import { recordPersonErasure, wasPersonErased } from '../repos/person-erasures.js';
import type { Project } from '../repos/projects.js';
import { eraseResponse } from '../repos/responses.js';
import { eraseCaseDeliveryErrors } from '../repos/webhook-deliveries.js';
import { ERASED, ERASED_RESPONDENT, erasedAnswers, erasedContext, erasedEventFields, erasedResolution } from './erased-values.js';
import { findPersonRecords, isEmpty } from './person-records.js';
import { personSubject } from './person-subject.js';

export interface ErasePersonInput {
  project: Pick<Project, 'id' | 'identitySecret'>;
  userId: string;
  actor: CaseActor;
  now: Date;
}

export type ErasePersonResult = { outcome: 'erased'; erasure: PersonErasure } | { outcome: 'unknown_person' };

/**
 * Erases one person's personal data from the project (`DELETE /api/v1/people/:userId`), in one transaction:
 * - responses: free-text, "Other" and contact answers, identity (user id, attributes, anonymous id, verdict), the
 *   page's query string, referrer and user agent; the scores and choice ids stay for NPS counts and the stats;
 * - feedback: comment, email, identity, the same page details; the category stays;
 * - cases: the searchable text, who the customer is, the resolution's summary and voucher code; the case, its status,
 *   score, team, times and root cause stay (the stats count them; nobody can be told apart by them);
 * - the timeline: note bodies, messages, summaries and errors become a marker, addresses and user ids go (the one
 *   update its trigger allows); messages: body, user and address; recorded errors of the case's webhook deliveries
 *   and jobs (a receiver's reply may quote the payload, a mail server the address). Webhook payloads themselves are
 *   never stored: a delivery still pending reads the case when it sends, so it carries the erased case.
 * Each affected case gains one `personal_data_erased` event: who, when, and counts, nothing erased. The person is
 * remembered by a keyed hash (`personSubject`) so a repeat answers with zero counts instead of "unknown".
 */
export function erasePerson(conn: Conn, { project, userId, actor, now }: ErasePersonInput): Promise<ErasePersonResult> {
  return withTransaction(conn, async (trx) => {
    const at = now.toISOString();
    const subject = personSubject(project, userId);
    const records = await findPersonRecords(trx, project.id, userId, { lock: true });
    if (isEmpty(records)) {
      if (!(await wasPersonErased(trx, project.id, subject))) return { outcome: 'unknown_person' };
      return { outcome: 'erased', erasure: { userId, erasedAt: at, erased: zeroCounts() } };
    }

    for (const response of records.responses) {
      await eraseResponse(trx, response.id, { answers: erasedAnswers(response.answers), respondent: ERASED_RESPONDENT, context: erasedContext(response.context) });
    }
    for (const feedback of records.feedback) {
      await eraseFeedback(trx, feedback.id, { respondent: ERASED_RESPONDENT, context: erasedContext(feedback.context) });
    }
    const totals: ErasureCounts = { ...zeroCounts(), responses: records.responses.length, feedback: records.feedback.length, cases: records.cases.length };
    const messages = await listPersonMessages(trx, project.id, records.cases.map((row) => row.id), userId);
    const erasedResponses = new Set(records.responses.map((r) => r.id));
    for (const row of records.cases) {
      const counts = await eraseCase(trx, row, messages.filter((m) => m.caseId === row.id).map((m) => m.id), at);
      totals.events += counts.events;
      totals.messages += counts.messages;
      totals.deliveries += counts.deliveries;
      const cause = row.response_id !== null && erasedResponses.has(row.response_id) ? { responses: 1, feedback: 0 } : { responses: 0, feedback: row.feedback_id === null ? 0 : 1 };
      // The audit trail of the erasure: who and when (the event's actor and time), and how much; never what.
      await appendCaseEvents(trx, project.id, row.id, [{ type: 'personal_data_erased', actor, at, before: null, after: { ...cause, ...counts } }]);
    }
    // Widget messages name their user; one on a case not found above (none should be) is erased all the same.
    const caseIds = new Set(records.cases.map((row) => row.id));
    for (const message of messages) {
      if (!caseIds.has(message.caseId) && (await eraseMessage(trx, message.id, ERASED))) totals.messages += 1;
    }
    await recordPersonErasure(trx, project.id, subject, at);
    return { outcome: 'erased', erasure: { userId, erasedAt: at, erased: totals } };
  });
}

/** Erases what one case holds about its customer; the counts of its events, messages and delivery records changed. */
async function eraseCase(trx: Transaction<Database>, row: CaseRow, messageIds: string[], at: string): Promise<{ events: number; messages: number; deliveries: number }> {
  await eraseCaseRow(trx, row.id, erasedResolution(row.resolution), at);
  let events = 0;
  for (const event of await listUnerasedCaseEvents(trx, row.id)) {
    const erased = { id: event.id, before: erasedEventFields(event.before), after: erasedEventFields(event.after) };
    if (JSON.stringify(erased) === JSON.stringify(event)) continue;
    await eraseCaseEvent(trx, erased, at);
    events += 1;
  }
  let messages = 0;
  for (const id of messageIds) if (await eraseMessage(trx, id, ERASED)) messages += 1;
  const deliveries =
    (await eraseCaseDeliveryErrors(trx, row.id, ERASED)) + (await eraseJobErrors(trx, [`case:${row.id}:`, ...messageIds.map((id) => `message:${id}:`)], ERASED));
  return { events, messages, deliveries };
}

function zeroCounts(): ErasureCounts {
  return { responses: 0, feedback: 0, cases: 0, events: 0, messages: 0, deliveries: 0 };
}
