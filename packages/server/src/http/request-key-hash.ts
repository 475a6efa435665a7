import type { Context } from 'hono';
import { hashSecretKey } from '../repos/hash-secret-key.js';

/**
 * The hash of the secret key a request authenticated with (`Authorization: Bearer sk_…`), or null for a request
 * without one (a console session). Lets a route recognise "the key you are using" without the principal carrying it.
 */
export function requestKeyHash(c: Context): string | null {
  const key = /^Bearer\s+(sk_\S+)$/i.exec(c.req.header('authorization')?.trim() ?? '')?.[1];
  return key === undefined ? null : hashSecretKey(key);
}
