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

/**
 * Adds a member, with a console login when `passwordHash` is given; null when a live member of the project already
 * has the email, or (with a login) a live member with a login anywhere on the instance has it.
 */
export async function insertMember(conn: Conn, projectId: string, input: MemberInput, now: Date, passwordHash: string | null = null): Promise<Member | null> {
  const at = now.toISOString();
  const row = { id: randomUUID(), project_id: projectId, name: input.name, email: emailKey(input.email), role: input.role, away: input.away ? 1 : 0, deleted_at: null, created_at: at, updated_at: at, password_hash: passwordHash };
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

/** The name of a member of the project, deleted or not (a case may still name a deleted member); null if none. */
export async function memberName(conn: Conn, projectId: string, id: string): Promise<string | null> {
  const row = await conn.selectFrom('members').select('name').where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
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

/** A live member with a console login, found by email across the instance (the email is unique among them). */
export interface MemberLogin {
  member: Member;
  projectId: string;
  passwordHash: string;
}

export async function findLoginByEmail(conn: Conn, email: string): Promise<MemberLogin | null> {
  const row = await conn
    .selectFrom('members')
    .selectAll()
    .where('email', '=', emailKey(email))
    .where('password_hash', 'is not', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.password_hash ? { member: memberFromRow(row), projectId: row.project_id, passwordHash: row.password_hash } : null;
}

/** Every live member with a console login, with their project's public key: `closeloop users list`. */
export async function listLogins(conn: Conn): Promise<{ member: Member; projectKey: string }[]> {
  const rows = await conn
    .selectFrom('members')
    .innerJoin('projects', 'projects.id', 'members.project_id')
    .selectAll('members')
    .select('projects.public_key')
    .where('members.password_hash', 'is not', null)
    .where('members.deleted_at', 'is', null)
    .orderBy('projects.public_key')
    .orderBy('members.email')
    .execute();
  return rows.map((row) => ({ member: memberFromRow(row), projectKey: row.public_key }));
}

/** A live member by id on any project, with the project's id: a session names only its member. */
export async function findLiveMemberById(conn: Conn, id: string): Promise<{ member: Member; projectId: string } | null> {
  const row = await conn.selectFrom('members').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? { member: memberFromRow(row), projectId: row.project_id } : null;
}

/** A live member of the project by email, and whether they have a console login. */
export async function findMemberByEmail(conn: Conn, projectId: string, email: string): Promise<{ member: Member; hasLogin: boolean } | null> {
  const row = await conn.selectFrom('members').selectAll().where('project_id', '=', projectId).where('email', '=', emailKey(email)).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? { member: memberFromRow(row), hasLogin: row.password_hash !== null } : null;
}

/**
 * Gives a live member a console login with the role; false when another live member with a login (on any project)
 * has the email, which the instance-wide UNIQUE index refuses.
 */
export async function setMemberLogin(conn: Conn, id: string, passwordHash: string, role: Member['role'], now: Date): Promise<boolean> {
  try {
    await conn.updateTable('members').set({ password_hash: passwordHash, role, updated_at: now.toISOString() }).where('id', '=', id).where('deleted_at', 'is', null).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
