import { describe, expect, test } from 'vitest';
import { survey } from '../test-support/survey.js';
import { normalizePhone } from './contact-answer.js';
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

describe('a contact answer', () => {
  const contact = { id: 'contact', type: 'contact', prompt: 'May we contact you about this?', required: false } as const;

  test('is a consent with a channel and an address that fits it, or a plain refusal', () => {
    expect(isValidAnswer(contact, { consent: true, channel: 'email', address: 'ann@example.com' })).toBe(true);
    expect(isValidAnswer(contact, { consent: true, channel: 'phone', address: '+46 70-123 45 67' })).toBe(true);
    expect(isValidAnswer(contact, { consent: true, channel: 'phone', address: '0701234567' })).toBe(true);
    expect(isValidAnswer(contact, { consent: false })).toBe(true);
  });

  test('takes a phone number of 7 to 20 digits, a + only in front, single spaces or dashes between digits', () => {
    const phone = (address: string) => isValidAnswer(contact, { consent: true, channel: 'phone', address });
    expect(['1234567', '+12345678901234567890', '+1 555-010-9999', '070 123 45 67'].map(phone)).toEqual([true, true, true, true]);
    expect(['123456', '+123456789012345678901', '555 01O 9999', '12+3456789', '+-1234567', '123--4567', ' 1234567', '1234567-', 'ann@example.com', ''].map(phone)).toEqual(
      Array(10).fill(false),
    );
  });

  test('takes an email address by the same pattern as the feedback form, at most 254 characters', () => {
    const email = (address: string) => isValidAnswer(contact, { consent: true, channel: 'email', address });
    expect(email('a.b+c@mail.example.org')).toBe(true);
    expect([email('ann@'), email('ann example.com'), email('ann@localhost'), email('+46701234567'), email(`${'a'.repeat(250)}@example.com`)]).toEqual([
      false, false, false, false, false,
    ]);
  });

  test('is at fault as a whole: the contract places the fault, the browser needs only the verdict', () => {
    expect(answerFault(contact, { consent: true, channel: 'email', address: 'ann@' })).toBe('shape');
    expect(answerFault(contact, { consent: true, channel: 'email' } as never)).toBe('shape');
    expect(answerFault(contact, { consent: true, channel: 'fax', address: '1234567' } as never)).toBe('shape');
    expect(answerFault(contact, { consent: 'yes' } as never)).toBe('shape');
    expect(answerFault(contact, { consent: true, channel: 'phone', address: 1234567 } as never)).toBe('shape');
    expect(answerFault(contact, 'yes')).toBe('shape');
    expect(answerFault(contact, { choices: [] })).toBe('shape');
  });
});

test('a phone number is kept as digits with its leading +, whatever separators were typed', () => {
  expect(normalizePhone('+46 70-123 45 67')).toBe('+46701234567');
  expect(normalizePhone('070 123 45 67')).toBe('0701234567');
});
