import { expect, test } from 'vitest';
import { survey } from '../test-support/survey.js';
import { isValidAnswer } from './valid-answer.js';

const [nps, text] = survey('s').questions as [Parameters<typeof isValidAnswer>[0], Parameters<typeof isValidAnswer>[0]];

test('an NPS answer is a whole number from 0 to 10', () => {
  expect([0, 6, 10].every((v) => isValidAnswer(nps, v))).toBe(true);
  expect([-1, 11, 6.5, Number.NaN, '7'].some((v) => isValidAnswer(nps, v))).toBe(false);
});

test('a text answer is a string within the question limit', () => {
  expect(isValidAnswer(text, 'fine')).toBe(true);
  expect(isValidAnswer(text, 'x'.repeat(1001))).toBe(false);
  expect(isValidAnswer(text, 3)).toBe(false);
});
