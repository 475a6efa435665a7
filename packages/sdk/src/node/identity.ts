import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signs a user id for `identify(userId, attributes, { signature })`: hex HMAC-SHA256 of the user id with the
 * project's identity secret. Compute it on your backend only; the secret must never reach a browser.
 */
export function signIdentity(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

/**
 * Checks a signature made by {@link signIdentity} in constant time, so response timing does not reveal how many
 * leading characters of a forged signature were right.
 */
export function verifyIdentity(secret: string, userId: string, signature: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(signature)) return false;
  const expected = Buffer.from(signIdentity(secret, userId), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
