import { z } from 'zod';
import { ProjectKey, Timestamp, Uuid } from './ids.js';
import { MemberRole } from './member.js';

/** `POST /api/v1/session`: a console login. One message answers a wrong email and a wrong password alike. */
export const LoginRequest = z.strictObject({
  email: z.email({ error: 'must be an email address' }),
  password: z.string({ error: 'must be text' }).min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** The member signed in to the console, and the role that decides what they may do. */
export const ConsoleUser = z.object({ id: Uuid, name: z.string(), email: z.string(), role: MemberRole });
export type ConsoleUser = z.infer<typeof ConsoleUser>;

/**
 * `GET`/`POST /api/v1/session`: who is signed in, to which project, and the token every write made with the session
 * cookie sends as `X-CSRF-Token`.
 */
export const ConsoleSession = z.object({
  user: ConsoleUser,
  project: z.object({ id: z.string(), name: z.string(), publicKey: ProjectKey }),
  csrfToken: z.string().min(1),
  expiresAt: Timestamp,
});
export type ConsoleSession = z.infer<typeof ConsoleSession>;
