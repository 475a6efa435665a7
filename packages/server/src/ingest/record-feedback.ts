import { caseFacts } from '../cases/case-facts.js';
import { caseForFeedback } from '../cases/case-for-feedback.js';
import { feedbackSearchText } from '../cases/case-search-text.js';
import { customerOf } from '../cases/customer-of.js';
import { openCase } from '../cases/open-case.js';
import type { Conn } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { findCaseIdOf } from '../repos/cases.js';
import { findFeedbackProjectId, insertFeedback } from '../repos/feedback.js';
import { projectSettingsCached } from '../repos/project-settings.js';
import type { NewFeedback } from '../repos/feedback.js';

/** What a visitor sent through the feedback button, its identity verified and its times settled. */
export type RecordFeedbackInput = NewFeedback;

export type RecordFeedbackResult =
  | { outcome: 'created' | 'repeated'; id: string; followUpId: string | null }
  /** The id already belongs to feedback of another project. Nothing was written. */
  | { outcome: 'conflict' };

/**
 * Stores a feedback under its client id, once, and opens its case (a `problem`) in the same transaction. A repeat
 * (a retry, a second tab flushing the same outbox) changes nothing and gets the stored case back. Race-safe like
 * responses: ON CONFLICT DO NOTHING makes a concurrent duplicate wait on the first insert, and UNIQUE(feedback_id)
 * keeps the case single.
 */
export function recordFeedback(conn: Conn, input: RecordFeedbackInput): Promise<RecordFeedbackResult> {
  return withTransaction(conn, async (trx) => {
    if (!(await insertFeedback(trx, input))) {
      if ((await findFeedbackProjectId(trx, input.id)) !== input.projectId) return { outcome: 'conflict' };
      return { outcome: 'repeated', id: input.id, followUpId: await findCaseIdOf(trx, { feedbackId: input.id }) };
    }
    // The settings (business hours, customer value, routing) are read only for feedback that opens a case.
    const terms =
      input.category === 'problem'
        ? caseForFeedback(input.category, caseFacts(input.respondent, input.context.url, input.sentAt), await projectSettingsCached(trx, input.projectId))
        : null;
    const followUpId =
      terms &&
      (await openCase(trx, {
        projectId: input.projectId,
        cause: { feedbackId: input.id },
        priority: terms.priority,
        dueAt: terms.dueAt,
        route: terms.route,
        openedAt: input.receivedAt,
        searchText: feedbackSearchText(input.comment),
        customer: customerOf(input.respondent),
        newCause: true,
      }));
    return { outcome: 'created', id: input.id, followUpId };
  });
}
