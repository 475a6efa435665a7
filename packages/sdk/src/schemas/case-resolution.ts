import { z } from 'zod';
import { Slug, Timestamp } from './ids.js';
import { CaseVersion } from './case-version.js';

/** How a case ended for the customer. */
export const ResolutionKind = z.enum(['fixed', 'explained', 'compensated', 'not_actionable'], {
  error: 'must be one of fixed, explained, compensated, not_actionable',
});
export type ResolutionKind = z.infer<typeof ResolutionKind>;

/** What the customer was given to make up for it: `kind` is the project's word (refund, voucher, credit…). */
export const Compensation = z.strictObject({
  kind: z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters'),
  /** The amount (money or percent, as `kind` implies). */
  value: z.number({ error: 'must be a number' }).nonnegative('must be 0 or more'),
  /** A voucher or refund reference, when there is one. */
  code: z.string().trim().min(1).max(100).optional(),
});
export type Compensation = z.infer<typeof Compensation>;

/** The resolution itself, as it is stored on the case. */
const resolutionFields = {
  resolution: ResolutionKind,
  summary: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
  /**
   * One of the project's root causes (`GET /api/v1/settings`): the inner loop fixes this customer, counting causes
   * lets the outer loop fix the cause for everyone.
   */
  rootCause: Slug.optional(),
  compensation: Compensation.optional(),
};

/** `POST /api/v1/follow-ups/:id/resolve`: resolves the case; `version` (or `If-Match`) guards against a stale view. */
export const CaseResolution = z.strictObject({ ...resolutionFields, version: CaseVersion.optional() });
export type CaseResolution = z.infer<typeof CaseResolution>;
export type CaseResolutionInput = z.input<typeof CaseResolution>;

/** A resolved case's resolution (null while unresolved, and again once reopened: the timeline keeps the old one). */
export const CaseResolutionRecord = z.object({ ...resolutionFields, resolvedAt: Timestamp });
export type CaseResolutionRecord = z.infer<typeof CaseResolutionRecord>;
