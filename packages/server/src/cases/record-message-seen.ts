import type { Conn } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { appendCaseEvents } from '../repos/case-events.js';
import { findCaseRow } from '../repos/cases.js';
import { findUserMessage, markMessageSeen } from '../repos/messages.js';

export interface MessageSeenInput {
  projectId: string;
  /** The verified user reporting it: only their own message can be marked. */
  userId: string;
  messageId: string;
  now: Date;
}

/** `seen` the first time, `already_seen` on a repeat, `not_found` when the user has no such message. */
export type MessageSeenResult = 'seen' | 'already_seen' | 'not_found';

/**
 * The widget reports that the verified user saw a message closing the loop: the message is marked seen and the
 * case's timeline gets `message_seen`, once, however often it is reported (a page reloaded mid-request, two tabs).
 * The case row is locked first, so two reports at once serialize and only the first marks it.
 */
export function recordMessageSeen(conn: Conn, { projectId, userId, messageId, now }: MessageSeenInput): Promise<MessageSeenResult> {
  return withTransaction(conn, async (trx) => {
    const message = await findUserMessage(trx, projectId, userId, messageId);
    if (message === null) return 'not_found';
    if (message.seenAt !== null) return 'already_seen';
    if ((await findCaseRow(trx, projectId, message.caseId, { lock: true })) === null) return 'not_found';
    const at = now.toISOString();
    if (!(await markMessageSeen(trx, message.id, at))) return 'already_seen';
    await appendCaseEvents(trx, projectId, message.caseId, [{ type: 'message_seen', actor: { kind: 'customer' }, at, before: null, after: { messageId: message.id, channel: 'widget', userId } }]);
    return 'seen';
  });
}
