import { z } from 'zod';
import { StoredFeedback } from '@closeloop/sdk/schemas';
import type { FeedbackCategory, ResponseContext } from '@closeloop/sdk/schemas';
import type { Selectable } from 'kysely';
import type { FeedbackTable } from '../db/database.js';
import type { Conn } from '../db/db.js';
import { insertedAny } from '../db/inserted-any.js';
import { keysetPage } from './keyset.js';
import type { ListPage, PageRequest } from './keyset.js';
import type { StoredRespondent } from './responses.js';

export interface NewFeedback {
  /** The client-generated id: the same feedback sent twice is stored once. */
  id: string;
  projectId: string;
  category: FeedbackCategory;
  comment: string;
  email?: string | undefined;
  respondent: StoredRespondent;
  context: ResponseContext;
  sentAt: string;
  receivedAt: string;
}

export type FeedbackRow = Selectable<FeedbackTable> & { follow_up_id: string | null };

// Parsed through the contract on the way out, like every row.
export function feedbackFromRow(row: FeedbackRow): StoredFeedback {
  const respondent = z.record(z.string(), z.unknown()).parse(JSON.parse(row.respondent));
  return StoredFeedback.parse({
    id: row.id,
    category: row.category,
    comment: row.comment,
    ...(row.email !== null && { email: row.email }),
    respondent: { ...respondent, verified: row.verified === 1 },
    context: JSON.parse(row.context),
    sentAt: row.sent_at,
    receivedAt: row.received_at,
    followUpId: row.follow_up_id,
  });
}

/** Inserts the feedback unless its id is taken; true when it did (a concurrent duplicate waits, then gets false). */
export async function insertFeedback(conn: Conn, feedback: NewFeedback): Promise<boolean> {
  const { verified, ...respondent } = feedback.respondent;
  const insert = conn
    .insertInto('feedback')
    .values({
      id: feedback.id,
      project_id: feedback.projectId,
      category: feedback.category,
      comment: feedback.comment,
      email: feedback.email ?? null,
      respondent: JSON.stringify(respondent),
      // Copied out of `respondent` so a person's feedback is found by index (migration 0013).
      user_id: respondent.userId ?? null,
      verified: verified ? 1 : 0,
      context: JSON.stringify(feedback.context),
      sent_at: feedback.sentAt,
      received_at: feedback.receivedAt,
    })
    .onConflict((oc) => oc.column('id').doNothing());
  return insertedAny(await conn.executeQuery(insert.compile()));
}

/** The project a stored feedback belongs to, or null when no feedback has this id. */
export async function findFeedbackProjectId(conn: Conn, id: string): Promise<string | null> {
  const row = await conn.selectFrom('feedback').select('project_id').where('id', '=', id).executeTakeFirst();
  return row?.project_id ?? null;
}

/** The project's feedback, newest received first, optionally of one category, each with its case id. */
export function listFeedback(conn: Conn, projectId: string, page: PageRequest & { category?: FeedbackCategory | undefined }): Promise<ListPage<StoredFeedback>> {
  let query = conn
    .selectFrom('feedback as b')
    .leftJoin('follow_ups as f', 'f.feedback_id', 'b.id')
    .selectAll('b')
    .select('f.id as follow_up_id')
    .where('b.project_id', '=', projectId);
  if (page.category !== undefined) query = query.where('b.category', '=', page.category);
  return keysetPage(query, { at: 'b.received_at', id: 'b.id' }, page, feedbackFromRow, (f) => ({ at: f.receivedAt, id: f.id }));
}

/** Rows by id, for the cases that carry them. */
export async function feedbackRowsById(conn: Conn, ids: string[]): Promise<Map<string, Selectable<FeedbackTable>>> {
  if (ids.length === 0) return new Map();
  const rows = await conn.selectFrom('feedback').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The feedback sent under `userId` in this project, verified or not, oldest first, each with its case id. */
export async function listPersonFeedback(conn: Conn, projectId: string, userId: string): Promise<StoredFeedback[]> {
  const rows = await conn
    .selectFrom('feedback as b')
    .leftJoin('follow_ups as f', 'f.feedback_id', 'b.id')
    .selectAll('b')
    .select('f.id as follow_up_id')
    .where('b.project_id', '=', projectId)
    .where('b.user_id', '=', userId)
    .orderBy('b.received_at')
    .orderBy('b.id')
    .execute();
  return rows.map(feedbackFromRow);
}

/** Replaces a feedback's personal values: comment and email gone, no identity, the page context given; the category stays. */
export async function eraseFeedback(conn: Conn, id: string, erased: { respondent: { anonymousId: string }; context: ResponseContext }): Promise<void> {
  await conn
    .updateTable('feedback')
    .set({ comment: '', email: null, respondent: JSON.stringify(erased.respondent), context: JSON.stringify(erased.context), user_id: null, verified: 0 })
    .where('id', '=', id)
    .execute();
}
