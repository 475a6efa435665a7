import type { CaseActor, CaseNote } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { appendCaseEvents } from '../repos/case-events.js';
import { caseWithCause, updateCaseRow } from '../repos/cases.js';
import type { CaseChangeResult } from './case-change-result.js';
import { loadCaseForChange, staleVersion } from './load-case-for-change.js';

export interface AddNoteInput {
  projectId: string;
  caseId: string;
  note: Omit<CaseNote, 'version'>;
  /** The version the note was written against, when the caller sent one. */
  version: number | undefined;
  actor: CaseActor;
  now: Date;
}

/**
 * Adds a note to the case's timeline (`note_added`), or records a contact with the customer (`contacted`; the first
 * one sets `firstContactAt`, the start of the "time to first contact" figure). Notes are allowed in every status:
 * the audit trail takes a remark after closing too. The case's version goes up like for any change.
 */
export function addNote(conn: Conn, { projectId, caseId, note, version, actor, now }: AddNoteInput): Promise<CaseChangeResult> {
  return withTransaction(conn, async (trx) => {
    const loaded = await loadCaseForChange(trx, projectId, caseId, version);
    if (!('row' in loaded)) return loaded;
    const { row } = loaded;
    const at = now.toISOString();
    const firstContact = note.kind === 'contact' && row.first_contact_at === null;
    const updated = await updateCaseRow(trx, row, firstContact ? { first_contact_at: at } : {}, at);
    if (updated === null) return staleVersion(row, version ?? row.version);
    await appendCaseEvents(trx, projectId, caseId, [{ type: note.kind === 'contact' ? 'contacted' : 'note_added', actor, at, before: null, after: { body: note.body } }]);
    return { outcome: 'changed', followUp: await caseWithCause(trx, updated) };
  });
}
