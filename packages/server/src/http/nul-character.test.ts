import { describe, expect, it } from 'vitest';
import { pathOfNul } from './nul-character.js';

describe('pathOfNul', () => {
  it('names the first string holding NUL by its dotted path', () => {
    expect(pathOfNul({ answers: { nps: 3, comment: 'fine' }, respondent: { anonymousId: 'a\u0000' } })).toBe('respondent.anonymousId');
    expect(pathOfNul({ tags: ['ok', 'b\u0000d'] })).toBe('tags.1');
    expect(pathOfNul('x\u0000')).toBe('(body)');
  });

  it('finds NUL in a key too', () => {
    expect(pathOfNul({ answers: { 'k\u0000': 1 } })).toBe('answers.k\u0000');
  });

  it('is null for clean input, and copes with a body nested 100,000 deep', () => {
    expect(pathOfNul({ a: [1, null, true, 'text', { b: 'é 😀' }] })).toBeNull();
    const deep = JSON.parse('['.repeat(100_000) + '"\u0000"'.replace('\u0000', '\\u0000') + ']'.repeat(100_000)) as unknown;
    expect(pathOfNul(deep)).toBe(`${'0.'.repeat(99_999)}0`);
  });
});
