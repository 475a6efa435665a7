import { expect, test } from 'vitest';
import { survey } from '../test-support/survey.js';
import { answerFault, isValidAnswer } from './valid-answer.js';

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

test('CSAT, CES and rating answers are whole numbers within their scales', () => {
  const csat = { id: 'c', type: 'csat', prompt: 'p', required: false, display: 'faces' } as const;
  const ces = { id: 'e', type: 'ces', prompt: 'p', required: false } as const;
  const rating = { id: 'r', type: 'rating', prompt: 'p', required: false, scale: 3, display: 'stars' } as const;
  expect([isValidAnswer(csat, 1), isValidAnswer(csat, 5), isValidAnswer(ces, 7), isValidAnswer(rating, 3)]).toEqual([true, true, true, true]);
  expect([isValidAnswer(csat, 0), isValidAnswer(csat, 6), isValidAnswer(ces, 8), isValidAnswer(rating, 4), isValidAnswer(rating, 2.5)]).toEqual([
    false, false, false, false, false,
  ]);
});

test('a choice answer names existing options once, "Other" only when offered, one for single choice', () => {
  const options = [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }];
  const single = { id: 's', type: 'single_choice', prompt: 'p', required: false, options, other: true } as const;
  const multi = { id: 'm', type: 'multiple_choice', prompt: 'p', required: false, options, other: false } as const;
  expect(isValidAnswer(single, { choices: ['a'] })).toBe(true);
  expect(isValidAnswer(single, { choices: [], other: 'Fax' })).toBe(true);
  expect(isValidAnswer(single, { choices: ['a', 'b'] })).toBe(false);
  expect(isValidAnswer(single, { choices: [] })).toBe(false);
  expect(isValidAnswer(multi, { choices: ['a', 'b'] })).toBe(true);
  expect(isValidAnswer(multi, { choices: ['a', 'a'] })).toBe(false);
  expect(isValidAnswer(multi, { choices: ['z'] })).toBe(false);
  expect(isValidAnswer(multi, { choices: ['a'], other: 'x' })).toBe(false);
  expect(isValidAnswer(multi, 'a')).toBe(false);
});

test('a call to action is answered only with "clicked"', () => {
  const cta = { id: 'cta', type: 'cta', prompt: 'p', required: false, buttonLabel: 'Go', url: 'https://example.com' } as const;
  expect(isValidAnswer(cta, 'clicked')).toBe(true);
  expect(isValidAnswer(cta, 'yes')).toBe(false);
});

test('a bad answer says what is wrong, and which choice names no option, so the contract can word it', () => {
  const options = [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }];
  const single = { id: 's', type: 'single_choice', prompt: 'p', required: false, options, other: false } as const;
  expect(answerFault(nps, 11)).toBe('range');
  expect(answerFault(text, 3)).toBe('text');
  expect(answerFault(text, 'x'.repeat(1001))).toBe('text');
  expect(answerFault(single, { choices: ['a', 'z'] })).toBe(1);
  expect(answerFault(single, { choices: ['a', 'a'] })).toBe('repeat');
  expect(answerFault(single, { choices: ['a'], other: 'x' })).toBe('other');
  expect(answerFault({ ...single, other: true }, { choices: [], other: '  ' })).toBe('other');
  expect(answerFault(single, { choices: [] })).toBe('none');
  expect(answerFault(single, { choices: ['a', 'b'] })).toBe('one');
  expect(answerFault(single, 'a')).toBe('shape');
  expect(answerFault(nps, 6)).toBeUndefined();
});
