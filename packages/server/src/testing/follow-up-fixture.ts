import { FollowUp } from '@closeloop/sdk/schemas';
import type { SurveyFollowUp } from '@closeloop/sdk/schemas';

/** A case opened by an NPS 3 with a comment, parsed with the contract, as webhooks carry it. */
export function surveyFollowUp(): SurveyFollowUp {
  const followUp = FollowUp.parse({
    id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    status: 'open',
    priority: 'high',
    ownerId: null,
    dueAt: '2026-11-25T10:00:00.000Z',
    createdAt: '2026-11-23T10:00:00.000Z',
    updatedAt: '2026-11-23T10:00:00.000Z',
    source: 'survey',
    surveyId: 'nps',
    trigger: { question: 'nps', value: 3 },
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
  });
  if (followUp.source !== 'survey') throw new Error('fixture: expected a survey case');
  return followUp;
}
