import { randomUUID } from 'node:crypto';

/**
 * A new id for a row this server creates (case, timeline event, job, delivery): a UUIDv7 (RFC 9562), the time in
 * ms first, then random bits. Rows inserted together then sort together, so their primary-key and key indexes grow
 * at one edge: a batch of answers dirties a few index pages instead of one random page per row per index, which is
 * what a commit writes to the WAL (SQLite) or to shared buffers (PostgreSQL). Made from `randomUUID()` (its random
 * bits come from Node's pooled entropy, ten times cheaper per id than a fresh `getRandomValues`): the first 48 bits
 * become the time and the version nibble 7; the variant bits are already RFC 9562's.
 */
export function newRowId(now = Date.now()): string {
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
