import type { Conn } from '../db/db.js';

export interface SessionRow {
  tokenHash: string;
  memberId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export async function insertSession(conn: Conn, session: SessionRow): Promise<void> {
  await conn
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      member_id: session.memberId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      last_seen_at: session.lastSeenAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** A session that has not expired at `at`, or null. Whether its member is still live is the caller's check. */
export async function findLiveSession(conn: Conn, tokenHash: string, at: string): Promise<SessionRow | null> {
  const row = await conn.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).where('expires_at', '>', at).executeTakeFirst();
  return row
    ? { tokenHash: row.token_hash, memberId: row.member_id, csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at }
    : null;
}

/** Records use of a session and slides its expiry. */
export async function touchSession(conn: Conn, tokenHash: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await conn.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(conn: Conn, tokenHash: string): Promise<void> {
  await conn.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Every session of a member: they were deleted, or their password changed. */
export async function deleteSessionsOfMember(conn: Conn, memberId: string): Promise<void> {
  await conn.deleteFrom('sessions').where('member_id', '=', memberId).execute();
}

/** Drops sessions that expired before `at`, so the table holds only live ones plus the latest stragglers. */
export async function deleteExpiredSessions(conn: Conn, at: string): Promise<void> {
  await conn.deleteFrom('sessions').where('expires_at', '<=', at).execute();
}
