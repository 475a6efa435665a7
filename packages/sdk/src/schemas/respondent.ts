import { z } from 'zod';
import { HttpUrl } from './http-url.js';

export const AttributeValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
export type AttributeValue = z.infer<typeof AttributeValue>;

/**
 * Who answered. Every browser has a random `anonymousId`; `identify()` adds `userId` and attributes, and the host
 * backend's `signature` (hex HMAC-SHA256 of userId with the project's identity secret) proves the identity.
 */
export const Respondent = z.object({
  anonymousId: z.string().min(1).max(64),
  userId: z.string().min(1).max(256).optional(),
  attributes: z
    .record(z.string().min(1).max(100), AttributeValue)
    .refine((a) => Object.keys(a).length <= 50, 'at most 50 attributes')
    .optional(),
  signature: z.string().regex(/^[0-9a-f]{64}$/, 'must be a hex HMAC-SHA256').optional(),
});
export type Respondent = z.infer<typeof Respondent>;

/** Where and how the answer was given: what support staff see beside it. */
export const ResponseContext = z.object({
  url: HttpUrl,
  /** The page before, when it was a web page (the SDK leaves out `android-app://` and other app referrers). */
  referrer: HttpUrl.optional(),
  locale: z.string().max(35).optional(),
  userAgent: z.string().max(512).optional(),
  trigger: z.enum(['exit-intent', 'dwell', 'scroll', 'click', 'page-view', 'event', 'visits', 'manual']).optional(),
});
export type ResponseContext = z.infer<typeof ResponseContext>;
