import { expect, test } from 'vitest';
import { matchesCondition } from './matches-condition.js';

test('score conditions compare numbers and fail every other answer, a skip included', () => {
  expect([matchesCondition({ op: 'lte', value: 6 }, 6), matchesCondition({ op: 'lte', value: 6 }, 7)]).toEqual([true, false]);
  expect([matchesCondition({ op: 'gte', value: 9 }, 9), matchesCondition({ op: 'gte', value: 9 }, 8)]).toEqual([true, false]);
  expect([matchesCondition({ op: 'eq', value: 3 }, 3), matchesCondition({ op: 'eq', value: 3 }, 4)]).toEqual([true, false]);
  expect(matchesCondition({ op: 'lte', value: 6 }, '1')).toBe(false);
  expect(matchesCondition({ op: 'gte', value: 0 }, undefined)).toBe(false);
  expect(matchesCondition({ op: 'eq', value: 1 }, { choices: ['a'] })).toBe(false);
});

test('includes finds an option id in a choice answer only', () => {
  expect(matchesCondition({ op: 'includes', value: 'price' }, { choices: ['speed', 'price'] })).toBe(true);
  expect(matchesCondition({ op: 'includes', value: 'price' }, { choices: [], other: 'price' })).toBe(false);
  expect(matchesCondition({ op: 'includes', value: 'price' }, 'price')).toBe(false);
  expect(matchesCondition({ op: 'includes', value: 'price' }, undefined)).toBe(false);
});

test('skipped matches only a missing answer', () => {
  expect(matchesCondition({ op: 'skipped' }, undefined)).toBe(true);
  expect(matchesCondition({ op: 'skipped' }, 0)).toBe(false);
  expect(matchesCondition({ op: 'skipped' }, '')).toBe(false);
});
