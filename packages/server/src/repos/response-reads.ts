import type { Conn } from '../db/db.js';

/** Marks the responses read by the member (again: the first time stays), one statement. */
export async function insertResponseReads(conn: Conn, memberId: string, responseIds: readonly string[], at: string): Promise<void> {
  if (responseIds.length === 0) return;
  await conn
    .insertInto('response_reads')
    .values(responseIds.map((responseId) => ({ member_id: memberId, response_id: responseId, read_at: at })))
    .onConflict((oc) => oc.columns(['member_id', 'response_id']).doNothing())
    .execute();
}

/** Marks the responses unread by the member. */
export async function deleteResponseReads(conn: Conn, memberId: string, responseIds: readonly string[]): Promise<void> {
  if (responseIds.length === 0) return;
  await conn.deleteFrom('response_reads').where('member_id', '=', memberId).where('response_id', 'in', responseIds).execute();
}

/** Which of `ids` are responses of the project. */
export async function projectResponseIds(conn: Conn, projectId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await conn.selectFrom('responses').select('id').where('project_id', '=', projectId).where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}
