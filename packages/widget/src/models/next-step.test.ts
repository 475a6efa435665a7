import { SurveyDefinition, npsFlow } from '@closeloop/sdk/schemas';
import { nextIndex, stepsLeft } from './next-step.js';

const withReview = SurveyDefinition.parse({ id: 's', name: 'S', questions: npsFlow({ reviewUrl: 'https://reviews.example' }) }).questions;
const plain = SurveyDefinition.parse({ id: 's', name: 'S', questions: npsFlow() }).questions;

describe('nextIndex', () => {
  it('sends detractors to "what went wrong", passives to "what would make it a 10", promoters to the review', () => {
    const at = (score: number) => withReview[nextIndex(withReview, 0, score)]?.id;
    expect([0, 6].map(at)).toEqual(['went-wrong', 'went-wrong']);
    expect([7, 8].map(at)).toEqual(['make-it-10', 'make-it-10']);
    expect([9, 10].map(at)).toEqual(['review', 'review']);
  });

  it('goes to the end screen (questions.length) for promoters without a review link, and after each follow-up', () => {
    expect(nextIndex(plain, 0, 10)).toBe(plain.length);
    expect(nextIndex(plain, 1, 'Slow delivery')).toBe(plain.length);
    expect(nextIndex(plain, 2, undefined)).toBe(plain.length);
  });

  it('falls through to the next question when no rule matches, and matches skips and choices', () => {
    const questions = SurveyDefinition.parse({
      id: 's',
      name: 'S',
      questions: [
        { id: 'pick', type: 'multiple_choice', prompt: 'p', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], logic: [{ if: { op: 'includes', value: 'b' }, goTo: 'why-b' }, { if: { op: 'skipped' }, goTo: 'end' }] },
        { id: 'next', type: 'text', prompt: 'p' },
        { id: 'why-b', type: 'text', prompt: 'p' },
      ],
    }).questions;
    expect(nextIndex(questions, 0, { choices: ['a'] })).toBe(1);
    expect(nextIndex(questions, 0, { choices: ['a', 'b'] })).toBe(2);
    expect(nextIndex(questions, 0, undefined)).toBe(3);
  });
});

describe('stepsLeft', () => {
  it('counts the longest way to the end, so "of N" never undercounts', () => {
    expect(stepsLeft(plain, 0)).toBe(2);
    expect(stepsLeft(withReview, 0)).toBe(2);
    expect(stepsLeft(withReview, 3)).toBe(1);
    expect(stepsLeft(withReview, 4)).toBe(0);
  });
});
