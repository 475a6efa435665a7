import type { Conn } from '../db/db.js';

/** Records that the person known by `subject` (a keyed hash, never the id) was erased from the project; once. */
export async function recordPersonErasure(conn: Conn, projectId: string, subject: string, at: string): Promise<void> {
  await conn
    .insertInto('person_erasures')
    .values({ project_id: projectId, subject, erased_at: at })
    .onConflict((oc) => oc.columns(['project_id', 'subject']).doUpdateSet({ erased_at: at }))
    .execute();
}

/** Whether the person known by `subject` was erased from the project before. */
export async function wasPersonErased(conn: Conn, projectId: string, subject: string): Promise<boolean> {
  const row = await conn.selectFrom('person_erasures').select('subject').where('project_id', '=', projectId).where('subject', '=', subject).executeTakeFirst();
  return row !== undefined;
}
