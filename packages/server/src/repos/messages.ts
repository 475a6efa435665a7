import { Message, MessageChannel } from '@closeloop/sdk/schemas';
import type { Selectable } from 'kysely';
import type { MessagesTable } from '../db/database.js';
import type { Conn } from '../db/db.js';

/** A message as stored, with where it went. */
export interface StoredMessage {
  id: string;
  projectId: string;
  caseId: string;
  channel: MessageChannel;
  body: string;
  /** The verified user of a widget message. */
  userId: string | null;
  /** The address of an email message. */
  recipient: string | null;
  createdAt: string;
  seenAt: string | null;
}

export type NewMessage = Omit<StoredMessage, 'seenAt'>;

function storedFromRow(row: Selectable<MessagesTable>): StoredMessage {
  return {
    id: row.id,
    projectId: row.project_id,
    caseId: row.case_id,
    channel: MessageChannel.parse(row.channel),
    body: row.body,
    userId: row.user_id,
    recipient: row.recipient,
    createdAt: row.created_at,
    seenAt: row.seen_at,
  };
}

export async function insertMessage(conn: Conn, message: NewMessage): Promise<void> {
  await conn
    .insertInto('messages')
    .values({
      id: message.id,
      project_id: message.projectId,
      case_id: message.caseId,
      channel: message.channel,
      body: message.body,
      user_id: message.userId,
      recipient: message.recipient,
      created_at: message.createdAt,
      seen_at: null,
    })
    .execute();
}

/** One message by id, or null: what the email job reads at send time. */
export async function findMessageById(conn: Conn, id: string): Promise<StoredMessage | null> {
  const row = await conn.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : storedFromRow(row);
}

/** A user's widget messages not yet seen, oldest first, as the widget reads them; at most `limit`. */
export async function listUnseenMessages(conn: Conn, projectId: string, userId: string, limit = 20): Promise<Message[]> {
  const rows = await conn
    .selectFrom('messages')
    .select(['id', 'body', 'created_at', 'case_id'])
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .where('channel', '=', 'widget')
    .where('seen_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => Message.parse({ id: row.id, body: row.body, createdAt: row.created_at, caseId: row.case_id }));
}

/** The user's widget message with this id (seen or not), or null when the user has no such message. */
export async function findUserMessage(conn: Conn, projectId: string, userId: string, id: string): Promise<StoredMessage | null> {
  const row = await conn
    .selectFrom('messages')
    .selectAll()
    .where('id', '=', id)
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .where('channel', '=', 'widget')
    .executeTakeFirst();
  return row === undefined ? null : storedFromRow(row);
}

/** Marks a message seen unless it was already: true only for the call that marked it. */
export async function markMessageSeen(conn: Conn, id: string, at: string): Promise<boolean> {
  const result = await conn.updateTable('messages').set({ seen_at: at }).where('id', '=', id).where('seen_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The messages of these cases, and any widget message for `userId`, oldest first. */
export async function listPersonMessages(conn: Conn, projectId: string, caseIds: string[], userId: string): Promise<StoredMessage[]> {
  const rows = await conn
    .selectFrom('messages')
    .selectAll()
    .where('project_id', '=', projectId)
    .where((eb) => eb.or([eb('user_id', '=', userId), ...(caseIds.length > 0 ? [eb('case_id', 'in', caseIds)] : [])]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(storedFromRow);
}

/**
 * Replaces a message's body with `body` and forgets where it went (user, address); true when it held anything still.
 * A widget message without its user is shown to nobody; an email not yet sent goes nowhere.
 */
export async function eraseMessage(conn: Conn, id: string, body: string): Promise<boolean> {
  const result = await conn
    .updateTable('messages')
    .set({ body, user_id: null, recipient: null })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('body', '!=', body), eb('user_id', 'is not', null), eb('recipient', 'is not', null)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
