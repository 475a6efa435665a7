import { z } from 'zod';
import { HttpUrl } from './http-url.js';
import { ANONYMOUS_ID_MAX, ATTRIBUTE_KEY_MAX, ATTRIBUTE_TEXT_MAX, ATTRIBUTES_MAX, LOCALE_MAX, USER_AGENT_MAX, USER_ID_MAX } from './submission-limits.js';

export const AttributeValue = z.union([z.string().max(ATTRIBUTE_TEXT_MAX), z.number(), z.boolean(), z.null()]);
export type AttributeValue = z.infer<typeof AttributeValue>;

/**
 * Who answered. Every browser has a random `anonymousId`; `identify()` adds `userId` and attributes, and the host
 * backend's `signature` (hex HMAC-SHA256 of userId with the project's identity secret) proves the identity.
 */
export const Respondent = z.object({
  anonymousId: z.string().min(1).max(ANONYMOUS_ID_MAX),
  userId: z.string().min(1).max(USER_ID_MAX).optional(),
  attributes: z
    .record(z.string().min(1).max(ATTRIBUTE_KEY_MAX), AttributeValue)
    .refine((a) => Object.keys(a).length <= ATTRIBUTES_MAX, `at most ${ATTRIBUTES_MAX} attributes`)
    .optional(),
  signature: z.string().regex(/^[0-9a-f]{64}$/, 'must be a hex HMAC-SHA256').optional(),
});
export type Respondent = z.infer<typeof Respondent>;

/** Where and how the answer was given: what support staff see beside it. */
export const ResponseContext = z.object({
  url: HttpUrl,
  /** The page before, when it was a web page (the SDK leaves out `android-app://` and other app referrers). */
  referrer: HttpUrl.optional(),
  locale: z.string().max(LOCALE_MAX).optional(),
  userAgent: z.string().max(USER_AGENT_MAX).optional(),
  trigger: z.enum(['exit-intent', 'dwell', 'scroll', 'click', 'page-view', 'event', 'visits', 'manual']).optional(),
});
export type ResponseContext = z.infer<typeof ResponseContext>;
