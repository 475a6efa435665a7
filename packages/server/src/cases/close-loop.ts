import { FollowUpStatus } from '@closeloop/sdk/schemas';
import type { CaseActor, CloseLoopRequest } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { enqueue } from '../jobs/enqueue.js';
import { deliverCustomerEmailKind } from '../jobs/close-loop/deliver-customer-email-job.js';
import { notifyCase } from '../jobs/notify-case/notify-case.js';
import { appendCaseEvents } from '../repos/case-events.js';
import { caseWithCause, updateCaseRow } from '../repos/cases.js';
import { insertMessage } from '../repos/messages.js';
import type { NewMessage } from '../repos/messages.js';
import { findSurvey } from '../repos/surveys.js';
import type { CloseLoopResult } from './close-loop-result.js';
import { customerReach } from './customer-reach.js';
import { loadCaseForChange, staleVersion } from './load-case-for-change.js';
import { newRowId } from '../db/new-row-id.js';

export interface CloseLoopInput {
  projectId: string;
  caseId: string;
  request: Omit<CloseLoopRequest, 'version'>;
  version: number | undefined;
  actor: CaseActor;
  now: Date;
}

/**
 * Closing the loop tells the customer what was done, so the case must be resolved (or closed after that): an
 * `in_progress` case has nothing to report yet, and a message sent before the resolution would promise what the
 * resolution may not keep. Tell the customer "we are on it" with a contact note instead.
 */
const TOLD_FROM: ReadonlySet<FollowUpStatus> = new Set(['resolved', 'closed']);

/**
 * Closes the loop with the customer of a resolved case: one message per channel (an email to the address the
 * customer can be reached at, a message shown in the widget to the verified user on their next visit), the
 * `loop_closed` event, the `follow_up.loop_closed` notification and, for email, the `deliver-customer-email` job,
 * in one transaction. Refused, with nothing written, when the case is not resolved or the customer cannot be
 * reached on a channel asked for (see `customerReach`). The case's version goes up like for any change.
 */
export function closeLoop(conn: Conn, { projectId, caseId, request, version, actor, now }: CloseLoopInput): Promise<CloseLoopResult> {
  return withTransaction(conn, async (trx) => {
    const loaded = await loadCaseForChange(trx, projectId, caseId, version);
    if (!('row' in loaded)) return loaded;
    const { row } = loaded;
    const status = FollowUpStatus.parse(row.status);
    if (!TOLD_FROM.has(status)) return { outcome: 'not_resolved', status };
    const followUp = await caseWithCause(trx, row);
    const survey = followUp.source === 'survey' ? await findSurvey(trx, projectId, followUp.surveyId) : null;
    const reach = customerReach(followUp, survey);
    const at = now.toISOString();
    const messages: NewMessage[] = [];
    for (const channel of request.channels) {
      const base = { id: newRowId(), projectId, caseId, channel, body: request.message, createdAt: at };
      if (channel === 'email') {
        if (reach.email === null) return { outcome: 'unreachable', channel };
        messages.push({ ...base, userId: null, recipient: reach.email });
      } else {
        if (reach.userId === null) return { outcome: 'unreachable', channel };
        messages.push({ ...base, userId: reach.userId, recipient: null });
      }
    }
    const updated = await updateCaseRow(trx, row, {}, at);
    if (updated === null) return staleVersion(row, version ?? row.version);
    for (const message of messages) {
      await insertMessage(trx, message);
      if (message.channel === 'email') await enqueue(trx, deliverCustomerEmailKind, { messageId: message.id }, { key: `message:${message.id}:email`, now });
    }
    const after = { message: request.message, channels: request.channels, messageIds: messages.map((m) => m.id), ...(reach.email !== null && request.channels.includes('email') && { to: reach.email }) };
    await appendCaseEvents(trx, projectId, caseId, [{ type: 'loop_closed', actor, at, before: null, after }]);
    await notifyCase(trx, { projectId, caseId, event: 'follow_up.loop_closed', now, occurrence: updated.version });
    return { outcome: 'changed', followUp: await caseWithCause(trx, updated) };
  });
}
