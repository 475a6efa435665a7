import type { Conn } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { deleteResponseReads, insertResponseReads, projectResponseIds } from '../repos/response-reads.js';

export interface MarkResponsesRead {
  projectId: string;
  memberId: string;
  ids: readonly string[];
  read: boolean;
  now: Date;
}

/** Every id is a response of the project, or the index of the first that is not. */
export type MarkResult = { outcome: 'marked' } | { outcome: 'unknown'; index: number; id: string };

/**
 * Marks responses read or unread for one member, all or none: an id that is not a response of the project refuses
 * the whole request (naming it), so a typo does not leave half a selection marked.
 */
export async function markResponsesRead(conn: Conn, { projectId, memberId, ids, read, now }: MarkResponsesRead): Promise<MarkResult> {
  return withTransaction(conn, async (trx) => {
    const known = await projectResponseIds(trx, projectId, ids);
    const index = ids.findIndex((id) => !known.has(id));
    if (index >= 0) return { outcome: 'unknown', index, id: ids[index]! };
    const unique = [...new Set(ids)];
    if (read) await insertResponseReads(trx, memberId, unique, now.toISOString());
    else await deleteResponseReads(trx, memberId, unique);
    return { outcome: 'marked' };
  });
}
