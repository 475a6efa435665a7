import { randomUUID } from 'node:crypto';
import { Member } from '@closeloop/sdk/schemas';
import type { MemberInput, MemberPatch } from '@closeloop/sdk/schemas';
import type { Selectable } from 'kysely';
import type { MembersTable } from '../db/database.js';
import type { Conn } from '../db/db.js';
import { isUniqueViolation } from '../db/is-unique-violation.js';

function memberFromRow(row: Selectable<MembersTable>): Member {
  return Member.parse({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    away: row.away === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** Emails are compared as typed, lower-cased: `Ana@Shop.example` and `ana@shop.example` are one person. */
const emailKey = (email: string) => email.toLowerCase();

/** Adds a member; null when a live member of the project already has the email. */
export async function insertMember(conn: Conn, projectId: string, input: MemberInput, now: Date): Promise<Member | null> {
  const at = now.toISOString();
  const row = { id: randomUUID(), project_id: projectId, name: input.name, email: emailKey(input.email), role: input.role, away: input.away ? 1 : 0, deleted_at: null, created_at: at, updated_at: at };
  const inserted = await conn.insertInto('members').values(row).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  return inserted ? memberFromRow(row) : null;
}

export type UpdateMemberResult = { outcome: 'updated'; member: Member } | { outcome: 'not_found' } | { outcome: 'email_taken' };

/** Changes a live member; a single statement, so a UNIQUE violation (another member's email) is answered, not thrown. */
export async function updateMember(conn: Conn, projectId: string, id: string, patch: MemberPatch, now: Date): Promise<UpdateMemberResult> {
  try {
    const row = await conn
      .updateTable('members')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.email !== undefined && { email: emailKey(patch.email) }),
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.away !== undefined && { away: patch.away ? 1 : 0 }),
        updated_at: now.toISOString(),
      })
      .where('project_id', '=', projectId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? { outcome: 'updated', member: memberFromRow(row) } : { outcome: 'not_found' };
  } catch (error) {
    if (isUniqueViolation(error)) return { outcome: 'email_taken' };
    throw error;
  }
}

/**
 * Marks a member deleted and takes them out of their teams. The row stays: timeline events and past cases name the
 * member's id. A deleted member is never listed or assignable again.
 */
export async function deleteMember(conn: Conn, projectId: string, id: string, now: Date): Promise<Member | null> {
  const row = await conn
    .updateTable('members')
    .set({ deleted_at: now.toISOString(), updated_at: now.toISOString() })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) return null;
  await conn.deleteFrom('team_members').where('member_id', '=', id).execute();
  return memberFromRow(row);
}

/** The project's live members, by name. */
export async function listMembers(conn: Conn, projectId: string): Promise<Member[]> {
  const rows = await conn.selectFrom('members').selectAll().where('project_id', '=', projectId).where('deleted_at', 'is', null).orderBy('name').orderBy('id').execute();
  return rows.map(memberFromRow);
}

/** A live member of the project, or null (unknown, another project's, or deleted). */
export async function findMember(conn: Conn, projectId: string, id: string): Promise<Member | null> {
  const row = await conn.selectFrom('members').selectAll().where('project_id', '=', projectId).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? memberFromRow(row) : null;
}

/** Which of `ids` are live members of the project. */
export async function liveMemberIds(conn: Conn, projectId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await conn.selectFrom('members').select('id').where('project_id', '=', projectId).where('deleted_at', 'is', null).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Whether the id is a member of the project, deleted or not (cases may still name a deleted member). */
export async function memberExists(conn: Conn, projectId: string, id: string): Promise<boolean> {
  const row = await conn.selectFrom('members').select('id').where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
