import { randomUUID } from 'node:crypto';
import type { Conn } from '../db/db.js';

/**
 * A console login attempt, counted as a failure until it succeeds (the email's rows are then deleted) or is refused
 * by the limit (its row is then deleted). `email` is lower-cased by the caller. Returns the row's id.
 */
export async function insertLoginFailure(conn: Conn, email: string, ip: string, at: string): Promise<string> {
  const id = randomUUID();
  await conn.insertInto('login_failures').values({ id, email, ip, at }).execute();
  return id;
}

export async function deleteLoginFailure(conn: Conn, id: string): Promise<void> {
  await conn.deleteFrom('login_failures').where('id', '=', id).execute();
}

/** The times of the failures for `column = value` since `since`, oldest first (the oldest decides when one frees up). */
export async function loginFailureTimes(conn: Conn, column: 'email' | 'ip', value: string, since: string): Promise<string[]> {
  const rows = await conn.selectFrom('login_failures').select('at').where(column, '=', value).where('at', '>', since).orderBy('at').execute();
  return rows.map((r) => r.at);
}

/** A successful login forgets the email's failures. */
export async function deleteLoginFailuresOfEmail(conn: Conn, email: string): Promise<void> {
  await conn.deleteFrom('login_failures').where('email', '=', email).execute();
}

/** Failures older than the window no longer count: dropped. */
export async function deleteLoginFailuresBefore(conn: Conn, before: string): Promise<void> {
  await conn.deleteFrom('login_failures').where('at', '<=', before).execute();
}
