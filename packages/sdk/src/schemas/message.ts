import { z } from 'zod';
import { CaseVersion } from './case-version.js';
import { ProjectKey, Timestamp, Uuid } from './ids.js';
import { USER_ID_MAX } from './submission-limits.js';

/** How a message reaches the customer: by email, or shown in the widget on their next visit (signed users only). */
export const MessageChannel = z.enum(['email', 'widget'], { error: 'must be email or widget' });
export type MessageChannel = z.infer<typeof MessageChannel>;

/**
 * `POST /api/v1/follow-ups/:id/close-loop`: tells the customer what was done about what they said, by email and/or
 * in the widget. The case must be resolved; `version` (or `If-Match`) guards against a stale view.
 */
export const CloseLoopRequest = z.strictObject({
  message: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
  channels: z
    .array(MessageChannel, { error: 'must be a list of channels' })
    .min(1, 'must name at least one channel: email, widget')
    .refine((channels) => new Set(channels).size === channels.length, 'must name each channel once'),
  version: CaseVersion.optional(),
});
export type CloseLoopRequest = z.infer<typeof CloseLoopRequest>;
export type CloseLoopRequestInput = z.input<typeof CloseLoopRequest>;

/** A message to a signed-in customer, as the widget reads it (`GET /v1/messages`). */
export const Message = z.object({
  id: Uuid,
  /** The agent's text, as typed (blank lines make paragraphs): show it as text, never as HTML. */
  body: z.string(),
  createdAt: Timestamp,
  /** The case it closes. */
  caseId: Uuid.optional(),
});
export type Message = z.infer<typeof Message>;

/** `GET /v1/messages`: the signed user's messages not yet seen, oldest first. */
export const MessageList = z.object({ data: z.array(Message) });
export type MessageList = z.infer<typeof MessageList>;

/**
 * Who asks for messages: the project's public key and the user with the host backend's signature of the id (hex
 * HMAC-SHA256 with the project's identity secret), as `identify()` has them. The query of `GET /v1/messages` and
 * the body of `POST /v1/messages/:id/seen`. An unsigned or wrongly signed identity is refused (403 naming
 * `signature`), so nobody reads another user's messages.
 */
export const SignedUser = z.object({
  project: ProjectKey,
  user: z.string().min(1).max(USER_ID_MAX),
  // Any text up to a hex HMAC's length: a wrong one is a 403 naming `signature`, never a hint about its shape.
  signature: z.string().max(64).optional(),
});
export type SignedUser = z.infer<typeof SignedUser>;
