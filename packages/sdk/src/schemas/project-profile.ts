import { z } from 'zod';
import { Timestamp } from './ids.js';

/** Whether `value` is exactly an http(s) origin: scheme, host and optional port, no path, query or credentials. */
function isOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.toLowerCase();
}

/** A page origin allowed to call the public API from a browser (`https://shop.example`), or `*` for any. */
export const AllowedOrigin = z
  .string({ error: 'must be text' })
  .trim()
  .max(253, 'must be at most 253 characters')
  .refine((v) => v === '*' || isOrigin(v), 'must be an origin such as https://shop.example (scheme, host and port, no path), or *');

/** The origins a project's widget may run on: each once. */
export const AllowedOrigins = z
  .array(AllowedOrigin)
  .max(100, 'must hold at most 100 origins')
  .refine((origins) => new Set(origins.map((o) => o.toLowerCase())).size === origins.length, 'must not name an origin twice');

/** A project's name: the sender name of its mail, the console's title. */
export const ProjectName = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

/**
 * `GET /api/v1/settings/project`: who the project is to the outside: its name (the sender name of its mail), the
 * public key the script tag carries, and the origins its widget may run on. The identity secret is never read back.
 */
export const ProjectProfile = z.object({
  id: z.string(),
  name: z.string(),
  publicKey: z.string(),
  allowedOrigins: z.array(z.string()),
});
export type ProjectProfile = z.infer<typeof ProjectProfile>;

/** `PATCH /api/v1/settings/project`: the fields given replace the stored ones (the origins as a whole list). */
export const ProjectProfilePatch = z
  .strictObject({ name: ProjectName, allowedOrigins: AllowedOrigins })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'must change at least one of name, allowedOrigins');
export type ProjectProfilePatch = z.infer<typeof ProjectProfilePatch>;

/**
 * The reply to `POST /api/v1/settings/identity-secret/rotate`: the new secret, shown this once. From `rotatedAt` on,
 * only signatures made with it verify: the host backend must sign with it, or its users count as unverified.
 */
export const IdentitySecretRotated = z.object({ identitySecret: z.string().min(32), rotatedAt: Timestamp });
export type IdentitySecretRotated = z.infer<typeof IdentitySecretRotated>;
