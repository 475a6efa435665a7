import { z } from 'zod';
import { PropertyFilter } from './property-filter.js';
import { Timestamp } from './ids.js';
import { UrlRules } from './url-rules.js';

/**
 * Who may see a survey, checked in the browser before any UI loads; every given condition must hold. Without
 * targeting, every visitor may.
 */
export const Targeting = z
  .object({
    /** Only visitors named by `identify()`, or only anonymous ones. */
    audience: z.enum(['all', 'identified', 'anonymous']).default('all'),
    /** Tests of the `identify()` attributes (`plan eq "pro"`, `seats gt 10`); all must match. */
    attributes: z.array(PropertyFilter).max(20).optional(),
    devices: z.array(z.enum(['desktop', 'tablet', 'mobile'])).min(1).optional(),
    /** Browser languages: `fr` matches `fr-CA`; `fr-CA` only itself. */
    languages: z.array(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as fr or fr-CA')).min(1).max(50).optional(),
    /** Share of visitors who may see it, 0–100; each visitor always falls on the same side. */
    samplePercent: z.number().min(0).max(100).optional(),
    startAt: Timestamp.optional(),
    endAt: Timestamp.optional(),
    /** Only on pages whose URL matches. */
    urls: UrlRules.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.startAt && t.endAt && Date.parse(t.endAt) <= Date.parse(t.startAt))
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'must be after startAt' });
  });
export type Targeting = z.infer<typeof Targeting>;
