import type { Db } from '../db/db.js';
import { deleteSession } from '../repos/sessions.js';
import { hashSessionToken } from './session-policy.js';

/** Logout: the session is deleted server-side, so its cookie opens nothing even if it was copied. */
export async function endSession(db: Db, token: string): Promise<void> {
  await deleteSession(db.kysely, hashSessionToken(token));
}
