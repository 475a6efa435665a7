import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { FeedbackSubmission } from './feedback-submission.js';
import { SignedUser } from './message.js';
import { ResponseSubmission } from './response-submission.js';
import { ATTRIBUTES_MAX, QUESTIONS_MAX } from './submission-limits.js';

// What a browser may send is capped everywhere: a string without a maximum, or a list without one, is a way to
// store megabytes per request in a field nobody meant to be large. Walked from the schemas themselves, so a field
// added later is checked too.

interface Check {
  _zod: { def: { check: string; format?: string; pattern?: RegExp } };
}
interface Def {
  type: string;
  checks?: Check[];
  format?: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A pattern caps length when it is anchored and repeats nothing without an upper bound. */
const boundedPattern = (pattern: RegExp) => pattern.source.startsWith('^') && pattern.source.endsWith('$') && !/[*+]|\{\d+,\}/.test(pattern.source);

function capped(def: Def): boolean {
  return (
    def.format === 'uuid' ||
    (def.checks ?? []).some(({ _zod: { def: check } }) => check.check === 'max_length' || check.check === 'length_equals' || (check.pattern !== undefined && boundedPattern(check.pattern)))
  );
}

/** The paths of uncapped strings and lists (`unbounded`) and of records (`records`, whose size a refinement caps). */
function walk(schema: z.ZodType, path: string, found: { unbounded: string[]; records: string[] }): void {
  const def = defOf(schema);
  const inner = (s: z.ZodType | undefined, p = path) => s && walk(s, p, found);
  switch (def.type) {
    case 'object':
      for (const [key, field] of Object.entries(def.shape ?? {})) walk(field, path ? `${path}.${key}` : key, found);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'union':
      for (const option of def.options ?? []) walk(option, path, found);
      return;
    case 'array':
      if (!capped(def)) found.unbounded.push(`${path} (items)`);
      return inner(def.element, `${path}.*`);
    case 'record':
      found.records.push(path);
      inner(def.keyType, `${path} (keys)`);
      return inner(def.valueType, `${path}.*`);
    case 'string':
      if (!capped(def)) found.unbounded.push(path);
      return;
  }
}

describe('the submission schemas cap every string, list and map', () => {
  it.each([
    ['ResponseSubmission', ResponseSubmission],
    ['FeedbackSubmission', FeedbackSubmission],
    ['SignedUser', SignedUser],
  ] as const)('%s: every string and list has a maximum', (_, schema) => {
    const found = { unbounded: [] as string[], records: [] as string[] };
    walk(schema, '', found);
    expect(found.unbounded).toEqual([]);
    // Maps are capped by a refinement the walk cannot read: each is listed here and probed below.
    expect(found.records.every((r) => ['answers', 'respondent.attributes'].includes(r)), found.records.join()).toBe(true);
  });

  const valid = {
    id: '0190b6a0-0000-7000-8000-000000000000',
    project: 'pk_shop',
    surveyId: 'nps',
    answers: { nps: 9 },
    respondent: { anonymousId: 'a' },
    context: { url: 'https://shop.example/' },
    answeredAt: '2026-11-23T10:00:00.000Z',
  };

  it(`refuses more than ${QUESTIONS_MAX} answers, naming answers`, () => {
    expect(ResponseSubmission.safeParse({ ...valid, answers: Object.fromEntries(Array.from({ length: QUESTIONS_MAX }, (_, i) => [`q${i}`, 1])) }).success).toBe(true);
    const over = ResponseSubmission.safeParse({ ...valid, answers: Object.fromEntries(Array.from({ length: QUESTIONS_MAX + 1 }, (_, i) => [`q${i}`, 1])) });
    expect(over.error?.issues.map((i) => i.path.join('.'))).toEqual(['answers']);
  });

  it(`refuses more than ${ATTRIBUTES_MAX} attributes, naming respondent.attributes`, () => {
    const attributes = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`a${i}`, i]));
    expect(ResponseSubmission.safeParse({ ...valid, respondent: { anonymousId: 'a', attributes: attributes(ATTRIBUTES_MAX) } }).success).toBe(true);
    const over = ResponseSubmission.safeParse({ ...valid, respondent: { anonymousId: 'a', attributes: attributes(ATTRIBUTES_MAX + 1) } });
    expect(over.error?.issues.map((i) => i.path.join('.'))).toEqual(['respondent.attributes']);
  });
});
