import { randomBytes } from 'node:crypto';

/** A new project's public key: `pk_` and 12 random bytes, base64url (the script tag carries it; it is not a secret). */
export function generatePublicKey(): string {
  return `pk_${randomBytes(12).toString('base64url')}`;
}

/** A new identity secret (the host backend signs user ids with it): 32 random bytes, base64url. */
export function generateIdentitySecret(): string {
  return randomBytes(32).toString('base64url');
}
