import { z } from 'zod';

/** Which rate limit a 429 `rate_limited` hit: the client's address, the project's public key, or a management key or session. */
export const RateLimitName = z.enum(['address', 'project', 'key']);
export type RateLimitName = z.infer<typeof RateLimitName>;

/**
 * Every 4xx/5xx reply: a stable machine `code`, a sentence for people, for bad input the fields at fault, for a 429
 * the limit that refused it, and the request's id (also in the `X-Request-Id` header) to quote when reporting it:
 * the server's log lines for the request carry the same id.
 */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    limit: RateLimitName.optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
export type ErrorIssue = NonNullable<ErrorBody['error']['issues']>[number];
