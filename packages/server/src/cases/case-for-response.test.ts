import { SurveyDefinition } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { caseForResponse } from './case-for-response.js';

const survey = SurveyDefinition.parse({ id: 'nps', name: 'NPS', questions: [{ id: 'nps', type: 'nps', prompt: 'How likely?' }] });

describe('caseForResponse', () => {
  it('opens a normal-priority case due 48 hours after the answer', () => {
    expect(caseForResponse(survey, { nps: 2 }, new Date('2026-11-23T10:00:00.000Z'))).toEqual({
      reason: { question: 'nps', value: 2 },
      priority: 'normal',
      dueAt: '2026-11-25T10:00:00.000Z',
    });
  });

  it('opens none when the rule does not match', () => {
    expect(caseForResponse(survey, { nps: 9 }, new Date())).toBeNull();
  });
});
