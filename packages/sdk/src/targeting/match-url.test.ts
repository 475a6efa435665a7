import { describe, expect, test } from 'vitest';
import type { UrlRule } from '../schemas/url-rules.js';
import { matchUrl } from './match-url.js';

const page = { path: '/checkout/done', url: 'https://shop.example/checkout/done?order=7' };
const one = (op: UrlRule['op'], value: string, on: UrlRule['on'] = 'path') => matchUrl({ match: 'any', rules: [{ op, value, on }] }, page);

describe('matchUrl', () => {
  test.each([
    ['exact', '/checkout/done', true],
    ['exact', '/checkout', false],
    ['contains', 'out/do', true],
    ['starts-with', '/checkout/', true],
    ['starts-with', '/cart', false],
    ['ends-with', '/done', true],
    ['regex', '^/checkout/(done|thanks)$', true],
    ['regex', '^/cart', false],
    ['glob', '/checkout/*', true],
    ['glob', '/cart*', false],
    ['glob', '/checkout/d?ne', true],
    ['glob', '/checkout/d?', false],
    ['glob', '/*/done', true],
    ['glob', '/*', false],
    ['glob', '/**', true],
    ['glob', '/**/done', true],
    ['glob', '/checkout/**/done', true],
    ['glob', '/checkout/**/*', true],
    ['glob', '/check*', false],
    ['glob', '/check*/**', true],
    ['glob', '/checkout?done', false],
    ['glob', '/checkout.done', false],
  ] as const)('%s %s → %s on the path', (op, value, expected) => {
    expect(one(op, value)).toBe(expected);
  });

  test("on: 'url' tests the whole address, query included", () => {
    expect(one('contains', 'order=7', 'url')).toBe(true);
    expect(one('contains', 'order=7')).toBe(false);
    expect(one('glob', 'https://shop.example/**', 'url')).toBe(true);
  });

  test('any needs one rule, all needs every one', () => {
    const rules: UrlRule[] = [
      { op: 'starts-with', value: '/checkout', on: 'path' },
      { op: 'ends-with', value: '/cart', on: 'path' },
    ];
    expect(matchUrl({ match: 'any', rules }, page)).toBe(true);
    expect(matchUrl({ match: 'all', rules }, page)).toBe(false);
  });

  test('a pattern the engine refuses matches nothing instead of throwing', () => {
    expect(one('regex', '(')).toBe(false);
  });
});
