import type { SurveyFollowUp } from '../schemas/follow-up.js';

/** A case opened by an NPS 3 with a comment, as the management API and webhooks carry it. */
export function surveyFollowUp(): SurveyFollowUp {
  return {
    id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    status: 'open',
    priority: 'high',
    assigneeId: null,
    version: 1,
    teamId: null,
    escalatedAt: null,
    firstContactAt: null,
    resolution: null,
    dueAt: '2026-11-25T10:00:00.000Z',
    createdAt: '2026-11-23T10:00:00.000Z',
    updatedAt: '2026-11-23T10:00:00.000Z',
    source: 'survey',
    surveyId: 'nps',
    reason: { question: 'nps', value: 3 },
    response: {
      id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
      surveyId: 'nps',
      answers: { nps: 3, comment: 'Checkout refused my card twice.' },
      finished: true,
      respondent: { anonymousId: 'anon-1', userId: 'user-42', verified: true },
      context: { url: 'https://shop.example/checkout', locale: 'sv-SE' },
      answeredAt: '2026-11-23T10:00:00.000Z',
      receivedAt: '2026-11-23T10:00:00.000Z',
      updatedAt: '2026-11-23T10:00:00.000Z',
      followUpId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    },
  };
}
