import { SurveyDefinition } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { caseForResponse } from './case-for-response.js';

const facts = { since: new Date('2026-11-23T10:00:00.000Z'), url: 'https://shop.example/', attributes: {}, verifiedAttributes: {} };
const settings = { businessHours: null, customerValue: null };
const survey = SurveyDefinition.parse({ id: 'nps', name: 'NPS', questions: [{ id: 'nps', type: 'nps', prompt: 'How likely?' }] });

describe('caseForResponse', () => {
  it('opens a case due 48 hours after the answer, high priority for NPS 2, unrouted without rules', () => {
    expect(caseForResponse(survey, { nps: 2 }, facts, settings)).toEqual({
      reason: { question: 'nps', value: 2 },
      priority: 'high',
      dueAt: '2026-11-25T10:00:00.000Z',
      route: null,
    });
  });

  it('opens none when the rule does not match', () => {
    expect(caseForResponse(survey, { nps: 9 }, facts, settings)).toBeNull();
  });

  it("uses the survey's dueIn hours, in business hours when the project keeps them", () => {
    const due12 = SurveyDefinition.parse({ ...survey, followUp: { dueIn: 12 } });
    expect(caseForResponse(due12, { nps: 2 }, facts, settings)?.dueAt).toBe('2026-11-23T22:00:00.000Z');
    // Monday 11:00 in Stockholm: 6 hours today, 6 tomorrow from 09:00 CET.
    const businessHours = { timeZone: 'Europe/Stockholm', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
    expect(caseForResponse(due12, { nps: 2 }, facts, { ...settings, businessHours })?.dueAt).toBe('2026-11-24T14:00:00.000Z');
  });
});
