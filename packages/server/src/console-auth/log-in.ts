import type { ConsoleSession, LoginRequest } from '@closeloop/sdk/schemas';
import type { Db } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { deleteLoginFailure, deleteLoginFailuresBefore, deleteLoginFailuresOfEmail, insertLoginFailure } from '../repos/login-failures.js';
import { findLoginByEmail } from '../repos/members.js';
import { findProjectById } from '../repos/projects.js';
import { deleteExpiredSessions, insertSession } from '../repos/sessions.js';
import { LOGIN_WINDOW_MS, loginRetryAfter } from './login-limits.js';
import { decoyHash, verifyPassword } from './password.js';
import { consoleSessionOf } from './console-session-of.js';
import { expiryAfterUse, hashSessionToken, newToken } from './session-policy.js';

export type LogInResult =
  | { outcome: 'signed_in'; token: string; session: ConsoleSession }
  | { outcome: 'invalid_credentials' }
  | { outcome: 'rate_limited'; retryAfterSeconds: number };

export interface LogInInput extends LoginRequest {
  /** The client's address, for the per-address limit. */
  ip: string;
}

/**
 * A console login: counts the attempt, checks the limit, then the password (an unknown email is checked against
 * a decoy hash, so both failures take as long and read alike) and starts a session. The new session's token is returned
 * once, for the cookie; only its hash is stored.
 */
export async function logIn(db: Db, { email, password, ip }: LogInInput, now: Date): Promise<LogInResult> {
  const emailKey = email.toLowerCase();
  // The attempt is recorded first and counted as a failure until the password matches, so a burst of parallel
  // guesses sees itself and cannot slip past the limit while the slow password checks run.
  const at = now.toISOString();
  const attempt = await withTransaction(db.kysely, async (trx) => {
    await deleteLoginFailuresBefore(trx, new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString());
    return insertLoginFailure(trx, emailKey, ip, at);
  });
  const retryAfterSeconds = await loginRetryAfter(db.kysely, emailKey, ip, now);
  if (retryAfterSeconds > 0) {
    // A refused attempt is not a failure: it must not push the lockout further out.
    await deleteLoginFailure(db.kysely, attempt);
    return { outcome: 'rate_limited', retryAfterSeconds };
  }

  const login = await findLoginByEmail(db.kysely, emailKey);
  const matches = await verifyPassword(password, login?.passwordHash ?? (await decoyHash()));
  const project = login && matches ? await findProjectById(db.kysely, login.projectId) : null;
  if (login === null || !matches || project === null) return { outcome: 'invalid_credentials' };

  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = expiryAfterUse(now, now).toISOString();
  await withTransaction(db.kysely, async (trx) => {
    await deleteExpiredSessions(trx, at);
    await deleteLoginFailuresOfEmail(trx, emailKey);
    await insertSession(trx, { tokenHash: hashSessionToken(token), memberId: login.member.id, csrfToken, createdAt: at, lastSeenAt: at, expiresAt });
  });
  return { outcome: 'signed_in', token, session: consoleSessionOf({ member: login.member, project, csrfToken, expiresAt }) };
}
