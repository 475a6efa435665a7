import { describe, expect, it } from 'vitest';
import { isValidAnswer } from '../logic/valid-answer.js';
import { Question, answerSchema } from './index.js';

const q = (input: unknown) => Question.parse(input);
const accepts = (question: Question, value: unknown) => answerSchema(question).safeParse(value).success;
const problems = (question: Question, value: unknown) =>
  answerSchema(question).safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('question types', () => {
  it('applies the display defaults: CSAT as faces, rating as five stars', () => {
    expect(q({ id: 'c', type: 'csat', prompt: 'Happy?' })).toMatchObject({ display: 'faces', required: false });
    expect(q({ id: 'r', type: 'rating', prompt: 'Rate it' })).toMatchObject({ scale: 5, display: 'stars' });
  });

  it('refuses a rating scale outside 3–10, a choice with one option, a CTA with a javascript: URL', () => {
    expect(Question.safeParse({ id: 'r', type: 'rating', prompt: 'p', scale: 11 }).success).toBe(false);
    expect(Question.safeParse({ id: 'r', type: 'rating', prompt: 'p', scale: 2 }).success).toBe(false);
    expect(Question.safeParse({ id: 's', type: 'single_choice', prompt: 'p', options: [{ id: 'a', label: 'A' }] }).success).toBe(false);
    const cta = Question.safeParse({ id: 'c', type: 'cta', prompt: 'p', buttonLabel: 'Go', url: 'javascript:alert(1)' });
    expect(cta.error?.issues[0]).toMatchObject({ path: ['url'], message: 'must be an http(s) URL' });
  });
});

describe('answerSchema', () => {
  it('checks every scale against its own range', () => {
    const csat = q({ id: 'c', type: 'csat', prompt: 'p' });
    const ces = q({ id: 'e', type: 'ces', prompt: 'p' });
    const rating = q({ id: 'r', type: 'rating', prompt: 'p', scale: 10, display: 'numbers' });
    expect([accepts(csat, 1), accepts(csat, 5), accepts(ces, 7), accepts(rating, 10)]).toEqual([true, true, true, true]);
    expect(problems(csat, 0)).toEqual([': must be a whole number from 1 to 5']);
    expect(problems(ces, 8)).toEqual([': must be a whole number from 1 to 7']);
    expect(accepts(rating, 1.5)).toBe(false);
    expect(accepts(csat, '3')).toBe(false);
  });

  it('checks choice answers against the options, naming the bad option', () => {
    const options = [{ id: 'price', label: 'Price' }, { id: 'speed', label: 'Speed' }];
    const single = q({ id: 's', type: 'single_choice', prompt: 'p', options, other: true });
    const multi = q({ id: 'm', type: 'multiple_choice', prompt: 'p', options });
    expect(accepts(single, { choices: ['price'] })).toBe(true);
    expect(accepts(single, { choices: [], other: 'Support' })).toBe(true);
    expect(problems(single, { choices: ['price', 'speed'] })).toEqual(['choices: must choose exactly one option']);
    expect(problems(multi, { choices: ['price', 'colour'] })).toEqual(['choices.1: no option "colour" in this question']);
    expect(problems(multi, { choices: ['speed'], other: 'x' })).toEqual(['other: this question has no "Other" option']);
    expect(problems(multi, { choices: [] })).toEqual(['choices: must choose at least one option']);
    expect(accepts(multi, { choices: ['price', 'speed'] })).toBe(true);
    expect(problems(multi, 'price')).toEqual([': must be { choices: [option ids], other?: text }']);
  });

  it('accepts only "clicked" for a call to action', () => {
    const cta = q({ id: 'c', type: 'cta', prompt: 'p', buttonLabel: 'Review us', url: 'https://example.com/review' });
    expect(accepts(cta, 'clicked')).toBe(true);
    expect(problems(cta, 'ok')).toEqual([': must be "clicked"']);
  });
});

describe('the contact question', () => {
  const contact = q({ id: 'reach', type: 'contact', prompt: 'May we contact you about this?' });

  it('needs a prompt like every question type', () => {
    expect(Question.safeParse({ id: 'reach', type: 'contact' }).success).toBe(false);
    expect(contact).toEqual({ id: 'reach', type: 'contact', prompt: 'May we contact you about this?', required: false });
  });

  it('places a bad address under `address`, worded for its channel', () => {
    expect(problems(contact, { consent: true, channel: 'email', address: 'ann@' })).toEqual(['address: must be an email address of at most 254 characters']);
    expect(problems(contact, { consent: true, channel: 'phone', address: '12' })).toEqual([
      'address: must be a phone number of 7 to 20 digits, a + only in front, spaces or dashes between digits',
    ]);
    expect(problems(contact, { consent: true, channel: 'fax', address: '1234567' })).toEqual(['channel: must be "email" or "phone"']);
    expect(problems(contact, 'yes')).toEqual(['consent: must be { consent: true, channel, address } or { consent: false }']);
  });

  it('takes a consent with a good address, and a refusal', () => {
    expect(accepts(contact, { consent: true, channel: 'phone', address: '+46 70-123 45 67' })).toBe(true);
    expect(accepts(contact, { consent: false })).toBe(true);
  });
});

describe('answerSchema and the browser check', () => {
  it('give one verdict for every answer, because the schema is built on the zod-free rule', () => {
    const options = [{ id: 'price', label: 'Price' }, { id: 'speed', label: 'Speed' }];
    const questions = [
      q({ id: 'n', type: 'nps', prompt: 'p' }),
      q({ id: 't', type: 'text', prompt: 'p', maxLength: 5 }),
      q({ id: 's', type: 'single_choice', prompt: 'p', options, other: true }),
      q({ id: 'm', type: 'multiple_choice', prompt: 'p', options }),
      q({ id: 'c', type: 'cta', prompt: 'p', buttonLabel: 'Go', url: 'https://example.com/' }),
      q({ id: 'k', type: 'contact', prompt: 'p' }),
    ];
    const values = [
      0, 10, 11, 6.5, '', 'short', 'too long', 'clicked', { choices: ['price'] }, { choices: ['price', 'speed'] }, { choices: [], other: 'x' }, { choices: ['nope'] }, { choices: [] },
      { consent: false }, { consent: true, channel: 'email', address: 'ann@example.com' }, { consent: true, channel: 'phone', address: '+46 70 123' },
      { consent: true, channel: 'phone', address: '+46 70 123 45 67' }, { consent: true, channel: 'sms', address: '1234567' },
    ];
    for (const question of questions) for (const value of values) expect([question.id, value, accepts(question, value)]).toEqual([question.id, value, isValidAnswer(question, value as never)]);
  });
});

