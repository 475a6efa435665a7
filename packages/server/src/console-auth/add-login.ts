import type { Member, MemberRole } from '@closeloop/sdk/schemas';
import type { Db } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { findLoginByEmail, findMemberByEmail, insertMember, setMemberLogin } from '../repos/members.js';
import { deleteSessionsOfMember } from '../repos/sessions.js';

export interface NewLogin {
  projectId: string;
  email: string;
  name: string;
  role: MemberRole;
  passwordHash: string;
}

export type AddLoginResult =
  /** A new member with a login. */
  | { outcome: 'created'; member: Member }
  /** An existing member of the project (no login yet) got one, with the role given. */
  | { outcome: 'login_added'; member: Member }
  /** The email already signs in somewhere on this instance: to the project, or another. */
  | { outcome: 'email_taken'; projectId: string };

/**
 * `closeloop users add`: a console login for `email` on the project. An existing member of the project without a
 * login gets one (their cases stay theirs); otherwise a new member is added. An email that signs in already is
 * refused, as a login by email must find one member of one project.
 */
export async function addLogin(db: Db, input: NewLogin, now: Date): Promise<AddLoginResult> {
  return withTransaction(db.kysely, async (trx) => {
    const taken = await findLoginByEmail(trx, input.email);
    if (taken !== null) return { outcome: 'email_taken', projectId: taken.projectId };
    const existing = await findMemberByEmail(trx, input.projectId, input.email);
    if (existing !== null) {
      if (!(await setMemberLogin(trx, existing.member.id, input.passwordHash, input.role, now))) return { outcome: 'email_taken', projectId: input.projectId };
      // Nothing should be signed in as a member without a login; cleared for certain.
      await deleteSessionsOfMember(trx, existing.member.id);
      return { outcome: 'login_added', member: { ...existing.member, role: input.role } };
    }
    const member = await insertMember(trx, input.projectId, { name: input.name, email: input.email, role: input.role, away: false }, now, input.passwordHash);
    if (member === null) return { outcome: 'email_taken', projectId: input.projectId };
    return { outcome: 'created', member };
  });
}
