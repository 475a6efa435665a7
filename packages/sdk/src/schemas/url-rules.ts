import { z } from 'zod';

/**
 * One test of the page's URL. `value` is compared with the path (`location.pathname`, e.g. `/checkout/done`) or,
 * with `on: 'url'`, with the whole address (`https://shop.example/checkout/done?order=1#top`). In a `glob`, `*`
 * matches within one path segment (`/checkout/*`), `?` one character but `/`, `**` across segments.
 */
export const UrlRule = z
  .object({
    op: z.enum(['exact', 'contains', 'starts-with', 'ends-with', 'regex', 'glob']),
    value: z.string().min(1).max(500),
    on: z.enum(['path', 'url']).default('path'),
  })
  .superRefine((rule, ctx) => {
    if (rule.op !== 'regex') return;
    try {
      new RegExp(rule.value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `not a valid regular expression: ${(error as Error).message}` });
    }
  });
export type UrlRule = z.infer<typeof UrlRule>;

/** URL rules combined: `any` (the default) needs one rule to match, `all` needs every one. */
export const UrlRules = z.object({
  match: z.enum(['all', 'any']).default('any'),
  rules: z.array(UrlRule).min(1).max(20),
});
export type UrlRules = z.infer<typeof UrlRules>;
