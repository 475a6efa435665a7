import { z } from 'zod';
import { CaseEventType } from './case-event.js';
import { MemberRole } from './member.js';
import { ProjectKey, Timestamp, Uuid } from './ids.js';

/** `POST /api/v1/session`: a console login. One message for a wrong email or password, so neither leaks. */
export const LoginRequest = z.strictObject({
  email: z.email({ error: 'must be an email address' }).max(254, 'must be at most 254 characters'),
  password: z.string({ error: 'must be text' }).min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** The member signed in to the console: their role decides what the API lets them do. */
export const ConsoleUser = z.object({ id: Uuid, name: z.string(), email: z.email(), role: MemberRole });
export type ConsoleUser = z.infer<typeof ConsoleUser>;

/**
 * A live console session (`POST` and `GET /api/v1/session`). The session itself travels in an HttpOnly cookie;
 * `csrfToken` goes back in `X-CSRF-Token` on every state-changing request. `expiresAt` slides with use.
 */
export const ConsoleSession = z.object({
  user: ConsoleUser,
  project: z.object({ id: Uuid, name: z.string(), publicKey: ProjectKey }),
  csrfToken: z.string().min(1),
  expiresAt: Timestamp,
});
export type ConsoleSession = z.infer<typeof ConsoleSession>;

/** One message of `GET /api/v1/events` (`event: follow_up`): a case's timeline grew. The SSE `id` is the event's id. */
export const FollowUpStreamEvent = z.object({ caseId: Uuid, kind: CaseEventType, at: Timestamp });
export type FollowUpStreamEvent = z.infer<typeof FollowUpStreamEvent>;
