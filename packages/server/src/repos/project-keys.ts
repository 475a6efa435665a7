import { randomBytes, randomUUID } from 'node:crypto';
import { SecretKey } from '@closeloop/sdk/schemas';
import type { Selectable } from 'kysely';
import type { ProjectKeysTable } from '../db/database.js';
import type { Conn } from '../db/db.js';
import { hashSecretKey } from './hash-secret-key.js';

/** How many characters of a key are shown (`sk_live_ab12`): enough to tell keys apart, far too few to use one. */
const PREFIX_LENGTH = 12;

/** A key's visible start: at most PREFIX_LENGTH characters and never more than half of it (short keys in tests, demos). */
export function keyPrefixOf(secretKey: string): string {
  return secretKey.slice(0, Math.min(PREFIX_LENGTH, Math.floor(secretKey.length / 2)));
}

/** A new secret key: `sk_live_` and 32 random bytes, base64url. */
export function generateSecretKey(): string {
  return `sk_live_${randomBytes(32).toString('base64url')}`;
}

function keyFromRow(row: Selectable<ProjectKeysTable>): SecretKey {
  return SecretKey.parse({
    id: row.id,
    label: row.label,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  });
}

/** Stores the hash of `secretKey` under `label`; the plain key leaves with the caller and is never stored. */
export async function insertProjectKey(conn: Conn, projectId: string, label: string, secretKey: string, now: Date): Promise<SecretKey> {
  const row = {
    id: randomUUID(),
    project_id: projectId,
    label,
    prefix: keyPrefixOf(secretKey),
    key_hash: hashSecretKey(secretKey),
    created_at: now.toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await conn.insertInto('project_keys').values(row).execute();
  return keyFromRow(row);
}

/** Every key of the project, revoked ones too, oldest first. */
export async function listProjectKeys(conn: Conn, projectId: string): Promise<SecretKey[]> {
  const rows = await conn.selectFrom('project_keys').selectAll().where('project_id', '=', projectId).orderBy('created_at').orderBy('id').execute();
  return rows.map(keyFromRow);
}

/** One key of the project with its hash (to tell whether a request uses it), or null. */
export async function findProjectKey(conn: Conn, projectId: string, id: string): Promise<{ key: SecretKey; hash: string } | null> {
  const row = await conn.selectFrom('project_keys').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
  return row ? { key: keyFromRow(row), hash: row.key_hash } : null;
}

/** Revokes a live key; false when it was revoked already (the first revocation's time stays). */
export async function revokeProjectKey(conn: Conn, projectId: string, id: string, now: Date): Promise<boolean> {
  const result = await conn
    .updateTable('project_keys')
    .set({ revoked_at: now.toISOString() })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A busy integration would otherwise write on every request: the last use is kept to the minute. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Records that the key with this hash was just used, unless that was already recorded in the last minute. */
export async function touchProjectKey(conn: Conn, keyHash: string, now: Date): Promise<void> {
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
  await conn
    .updateTable('project_keys')
    .set({ last_used_at: now.toISOString() })
    .where('key_hash', '=', keyHash)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', stale)]))
    .execute();
}
