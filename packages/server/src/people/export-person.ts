import type { PersonExport } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { listCaseEvents } from '../repos/case-events.js';
import { casesWithCauses } from '../repos/cases.js';
import { listPersonMessages } from '../repos/messages.js';
import { findPersonRecords, isEmpty } from './person-records.js';

export interface ExportPersonInput {
  projectId: string;
  userId: string;
  now: Date;
}

/**
 * Everything the project stores about one person (`GET /api/v1/people/:userId/export`): their responses and
 * feedback, and each case about them with its timeline and messages, read in one transaction so the parts agree.
 * Null when nothing is stored under the user id (an erased person included).
 */
export function exportPerson(conn: Conn, { projectId, userId, now }: ExportPersonInput): Promise<PersonExport | null> {
  return withTransaction(conn, async (trx) => {
    const records = await findPersonRecords(trx, projectId, userId);
    if (isEmpty(records)) return null;
    const followUps = await casesWithCauses(trx, records.cases);
    const messages = await listPersonMessages(trx, projectId, records.cases.map((row) => row.id), userId);
    const cases = [];
    for (const followUp of followUps) {
      cases.push({
        followUp,
        timeline: await listCaseEvents(trx, followUp.id),
        messages: messages
          .filter((m) => m.caseId === followUp.id)
          .map(({ id, channel, body, recipient, createdAt, seenAt }) => ({ id, channel, body, recipient, createdAt, seenAt })),
      });
    }
    return { userId, exportedAt: now.toISOString(), responses: records.responses, feedback: records.feedback, cases };
  });
}
