import type { Db } from '../db/db.js';
import { findLiveMemberById } from '../repos/members.js';
import { findProjectById } from '../repos/projects.js';
import { findLiveSession, touchSession } from '../repos/sessions.js';
import { expiryAfterUse, hashSessionToken, SESSION_TOUCH_MS } from './session-policy.js';
import type { SignedInMember } from './signed-in-member.js';

/**
 * The member behind a session cookie's token, or null when the session is unknown, ended, expired, or its member was
 * deleted since. Use slides the expiry (recorded at most once a minute). The role is read from the member as it is
 * now, so a role change applies to open sessions at once.
 */
export async function findSession(db: Db, token: string, now: Date): Promise<SignedInMember | null> {
  const tokenHash = hashSessionToken(token);
  const session = await findLiveSession(db.kysely, tokenHash, now.toISOString());
  if (session === null) return null;
  const found = await findLiveMemberById(db.kysely, session.memberId);
  if (found === null) return null;
  const project = await findProjectById(db.kysely, found.projectId);
  if (project === null) return null;
  let expiresAt = session.expiresAt;
  if (now.getTime() - Date.parse(session.lastSeenAt) >= SESSION_TOUCH_MS) {
    expiresAt = expiryAfterUse(new Date(session.createdAt), now).toISOString();
    await touchSession(db.kysely, tokenHash, now.toISOString(), expiresAt);
  }
  return { member: found.member, project, csrfToken: session.csrfToken, expiresAt };
}
