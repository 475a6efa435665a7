import { z } from 'zod';
import { Timestamp, Uuid } from './ids.js';

/** `POST /api/v1/keys`: a name that says where the key lives (`Billing backend`, `CI`), so revoking the right one is easy. */
export const NewSecretKey = z.strictObject({
  label: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
});
export type NewSecretKey = z.infer<typeof NewSecretKey>;

/**
 * A secret key of the project as `GET /api/v1/keys` lists it: never the key itself, which is stored hashed and shown
 * once, at creation. `prefix` is its first characters (`sk_live_ab12`), enough to tell keys apart in a config file.
 */
export const SecretKey = z.object({
  id: Uuid,
  label: z.string(),
  prefix: z.string(),
  createdAt: Timestamp,
  /** When a request last authenticated with it (recorded at most once a minute); null when never. */
  lastUsedAt: Timestamp.nullable(),
  /** When it was revoked: from then on it gets 401. Null while it works. */
  revokedAt: Timestamp.nullable(),
});
export type SecretKey = z.infer<typeof SecretKey>;

/** The reply to `POST /api/v1/keys`: the key and its `sk_…` secret, the only time the secret is shown. */
export const SecretKeyCreated = SecretKey.extend({ secret: z.string().regex(/^sk_[A-Za-z0-9_-]+$/, 'must be an sk_… key') });
export type SecretKeyCreated = z.infer<typeof SecretKeyCreated>;

/** `GET /api/v1/keys`: every key of the project, revoked ones too (their history stays readable), oldest first. */
export const SecretKeyList = z.object({ data: z.array(SecretKey) });
export type SecretKeyList = z.infer<typeof SecretKeyList>;
