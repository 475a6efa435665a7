import { expect, test } from 'vitest';
import { SurveyDefinition } from '../schemas/index.js';
import { contactOf } from './contact-of.js';

const survey = SurveyDefinition.parse({
  id: 'nps',
  name: 'NPS',
  questions: [
    { id: 'nps', type: 'nps', prompt: 'How likely?' },
    { id: 'comment', type: 'text', prompt: 'Why?' },
    { id: 'reach', type: 'contact', prompt: 'May we contact you about this?' },
  ],
});

test('reads the consent, channel and address a detractor gave, the phone number as digits', () => {
  expect(contactOf(survey, { nps: 3, reach: { consent: true, channel: 'email', address: 'ann@example.com' } })).toEqual({
    consent: true,
    channel: 'email',
    address: 'ann@example.com',
  });
  expect(contactOf(survey, { nps: 3, reach: { consent: true, channel: 'phone', address: '+46 70-123 45 67' } })).toEqual({
    consent: true,
    channel: 'phone',
    address: '+46701234567',
  });
});

test('reads a refusal as a refusal: nobody may contact them', () => {
  expect(contactOf(survey, { nps: 3, reach: { consent: false } })).toEqual({ consent: false });
});

test('is null when the step was skipped, not shown, or the survey has none', () => {
  expect(contactOf(survey, { nps: 3, comment: 'slow' })).toBeNull();
  expect(contactOf({ questions: survey.questions.slice(0, 2) }, { nps: 3, reach: { consent: false } })).toBeNull();
});

test('ignores what is not a valid contact answer (a stored row from before the question changed)', () => {
  expect(contactOf(survey, { nps: 3, reach: 'call me' })).toBeNull();
  expect(contactOf(survey, { nps: 3, reach: { consent: true, channel: 'email', address: 'nope' } })).toBeNull();
});
