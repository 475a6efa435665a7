import { SurveyDefinition } from '../schemas/index.js';
import type { SurveyDefinitionInput } from '../schemas/index.js';
import { describe, expect, it } from 'vitest';
import { followUpReason } from './follow-up-reason.js';

const survey = (extra: Partial<SurveyDefinitionInput> = {}) =>
  SurveyDefinition.parse({
    id: 'nps',
    name: 'NPS',
    questions: [
      { id: 'nps', type: 'nps', prompt: 'How likely?' },
      { id: 'comment', type: 'text', prompt: 'Why?' },
    ],
    ...extra,
  });

describe('followUpReason', () => {
  it('opens a case for an NPS answer of 6 or less by default', () => {
    expect(followUpReason(survey(), { nps: 6 })).toEqual({ question: 'nps', value: 6 });
    expect(followUpReason(survey(), { nps: 0, comment: 'bad' })).toEqual({ question: 'nps', value: 0 });
  });

  it('does not open one for passives, promoters, text only, or no NPS answer', () => {
    expect(followUpReason(survey(), { nps: 7 })).toBeNull();
    expect(followUpReason(survey(), { nps: 10 })).toBeNull();
    expect(followUpReason(survey(), { comment: 'meh' })).toBeNull();
  });

  it('never opens one when the rule is disabled', () => {
    expect(followUpReason(survey({ followUp: { enabled: false } }), { nps: 0 })).toBeNull();
  });

  it('uses the explicit conditions instead of the defaults, any one matching', () => {
    const s = survey({
      followUp: {
        enabled: true,
        conditions: [
          { question: 'nps', op: 'lte', value: 3 },
          { question: 'nps', op: 'gte', value: 10 },
        ],
      },
    });
    expect(followUpReason(s, { nps: 5 })).toBeNull();
    expect(followUpReason(s, { nps: 3 })).toEqual({ question: 'nps', value: 3 });
    expect(followUpReason(s, { nps: 10 })).toEqual({ question: 'nps', value: 10 });
  });

  it('ignores text answers for numeric conditions', () => {
    const s = survey({ followUp: { enabled: true, conditions: [{ question: 'comment', op: 'lte', value: 5 }] } });
    expect(followUpReason(s, { comment: '1' })).toBeNull();
  });

  it('never opens one with an empty condition list', () => {
    expect(followUpReason(survey({ followUp: { enabled: true, conditions: [] } }), { nps: 0 })).toBeNull();
  });

  it('opens a case by default for CSAT 2 or less and CES 3 or less (1 is "very difficult"), in question order', () => {
    const s = SurveyDefinition.parse({
      id: 'mix',
      name: 'Mix',
      questions: [
        { id: 'csat', type: 'csat', prompt: 'Satisfied?' },
        { id: 'ces', type: 'ces', prompt: 'Easy?' },
        { id: 'rating', type: 'rating', prompt: 'Stars?' },
      ],
    });
    expect(followUpReason(s, { csat: 2 })).toEqual({ question: 'csat', value: 2 });
    expect(followUpReason(s, { csat: 3, ces: 4 })).toBeNull();
    // A customer who found it very easy is happy: no case.
    expect(followUpReason(s, { csat: 3, ces: 7 })).toBeNull();
    expect(followUpReason(s, { csat: 3, ces: 3 })).toEqual({ question: 'ces', value: 3 });
    expect(followUpReason(s, { csat: 3, ces: 1 })).toEqual({ question: 'ces', value: 1 });
    expect(followUpReason(s, { csat: 1, ces: 1 })).toEqual({ question: 'csat', value: 1 });
    // A rating has no default: one star about a recipe is not a support case.
    expect(followUpReason(s, { rating: 1 })).toBeNull();
  });

  it('opens none for a contact answer, whatever it holds: the step asks how to reach a detractor, it finds none', () => {
    const s = survey({
      questions: [
        { id: 'nps', type: 'nps', prompt: 'How likely?' },
        { id: 'contact', type: 'contact', prompt: 'May we contact you about this?' },
      ],
    });
    expect(followUpReason(s, { nps: 9, contact: { consent: true, channel: 'email', address: 'ann@example.com' } })).toBeNull();
    expect(followUpReason(s, { nps: 6, contact: { consent: false } })).toEqual({ question: 'nps', value: 6 });
  });
});
