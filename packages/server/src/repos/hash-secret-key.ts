import { createHash } from 'node:crypto';

/**
 * Secret keys are random and long, so a plain SHA-256 is enough (no slow hash needed): a leaked database does not
 * give away usable keys, and a lookup by hash needs no constant-time compare of the key itself.
 */
export function hashSecretKey(secretKey: string): string {
  return createHash('sha256').update(secretKey, 'utf8').digest('hex');
}
