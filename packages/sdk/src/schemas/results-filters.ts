import { z } from 'zod';
import { Slug } from './ids.js';
import { WindowBound } from './window-bound.js';

/** NPS score groups: detractors answer 0–6, passives 7–8, promoters 9–10. */
export const ScoreGroup = z.enum(['detractor', 'passive', 'promoter'], { error: 'must be detractor, passive or promoter' });
export type ScoreGroup = z.infer<typeof ScoreGroup>;

/** The scores each group spans, inclusive: one table for the stats, the lists and the console's colours. */
export const SCORE_GROUP_RANGE: Record<ScoreGroup, readonly [number, number]> = { detractor: [0, 6], passive: [7, 8], promoter: [9, 10] };

/** The group an NPS score 0–10 falls in. */
export function scoreGroupOf(score: number): ScoreGroup {
  return score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter';
}

/**
 * `?page=`: the page answers were given on, as a path (`/checkout`), a path pattern where `*` stands for any run of
 * characters (`/products/*`), or a whole URL whose path is taken (`https://shop.example/checkout?x=1` → `/checkout`).
 * Query strings and fragments never take part: the same page with other parameters is the same page.
 */
export const PagePattern = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(500, 'must be at most 500 characters')
  .transform((value, ctx) => {
    if (/^https?:\/\//i.test(value)) {
      try {
        return new URL(value).pathname;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not a valid URL' });
        return z.NEVER;
      }
    }
    if (!value.startsWith('/') && !value.startsWith('*')) {
      ctx.addIssue({ code: 'custom', message: 'must be a path (/checkout), a path pattern (/products/*) or an http(s) URL' });
      return z.NEVER;
    }
    return value.replace(/[?#].*$/, '');
  });

/**
 * An attribute name in `?attr.<name>=<value>`: letters, digits and `_ . : -`, so it can be named inside a JSON path on
 * every database without quoting rules of its own.
 */
export const AttributeName = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'attribute names are 1–100 letters, digits, _ . : or -');

/**
 * `?attr.plan=pro&attr.seats=5`: answers of respondents whose attribute equals the value, compared as text (`5`,
 * `true`), all of them at once.
 */
export const AttributeFilters = z
  .record(AttributeName, z.string().max(500, 'must be at most 500 characters'))
  .refine((filters) => Object.keys(filters).length <= 10, 'at most 10 attribute filters');
export type AttributeFilters = z.infer<typeof AttributeFilters>;

/** What every results query may narrow by: survey, time (received, `from` inclusive, `to` exclusive), page, attributes. */
export const resultsFilterFields = {
  surveyId: Slug.optional(),
  from: WindowBound.optional(),
  to: WindowBound.optional(),
  page: PagePattern.optional(),
  attr: AttributeFilters.optional(),
};

/**
 * Query strings carry attributes flat (`attr.plan=pro`); the schemas hold them as `attr: { plan: 'pro' }`, so a bad
 * one is still reported as `attr.plan`. Anything else passes through to the strict object, which names unknown keys.
 */
export function nestAttributeParams(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const rest: Record<string, unknown> = {};
  const attr: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith('attr.')) attr[key.slice('attr.'.length)] = value;
    else rest[key] = value;
  }
  return Object.keys(attr).length > 0 ? { ...rest, attr } : rest;
}

/** A strict query object that also takes `attr.<name>` parameters. */
export function withAttributeParams<T extends z.ZodType>(schema: T) {
  return z.preprocess(nestAttributeParams, schema);
}
