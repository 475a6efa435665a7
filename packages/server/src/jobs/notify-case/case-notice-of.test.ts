import { FollowUp, SurveyDefinition } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { npsSurvey } from '../../testing/fixtures.js';
import { surveyFollowUp } from '../../testing/follow-up-fixture.js';
import { caseNoticeOf } from './case-notice-of.js';

const caseUrl = 'https://feedback.example/console/cases/0193a1b2';

describe('caseNoticeOf', () => {
  it('tells staff the score on its scale, the comment, who answered, their value and when it is due', () => {
    const followUp = surveyFollowUp();
    followUp.response.respondent.attributes = { name: 'Jane Doe', email: 'jane@shop.example', mrr: 1200 };
    expect(caseNoticeOf({ projectId: 'p', projectName: 'Demo Shop', followUp }, npsSurvey, caseUrl, null)).toEqual({
      projectName: 'Demo Shop',
      caseUrl,
      source: { kind: 'survey', surveyName: npsSurvey.name },
      score: { questionType: 'nps', value: 3 },
      comment: 'Checkout refused my card twice.',
      customer: { name: 'Jane Doe', email: 'jane@shop.example', userId: 'user-42' },
      contact: null,
      customerValue: { attribute: 'mrr', value: 1200 },
      priority: 'high',
      dueAt: new Date('2026-11-25T10:00:00.000Z'),
      assigneeName: null,
    });
  });

  it("keeps a rating's own scale, and says nothing it does not know: no comment, an anonymous visitor, no value", () => {
    const survey = SurveyDefinition.parse({
      id: 'stars',
      name: 'Stars',
      questions: [{ id: 'stars', type: 'rating', prompt: 'Rate us', scale: 7 }],
      triggers: [{ type: 'exit-intent' }],
    });
    const followUp = { ...surveyFollowUp(), surveyId: 'stars', reason: { question: 'stars', value: 2 } };
    followUp.response = { ...followUp.response, answers: { stars: 2 }, respondent: { anonymousId: 'anon-9', verified: false } };
    const notice = caseNoticeOf({ projectId: 'p', projectName: 'Demo Shop', followUp }, survey, caseUrl, null);
    expect(notice).toMatchObject({ score: { questionType: 'rating', value: 2, scale: 7 }, comment: null, customer: null, customerValue: null });
  });

  it('says how the customer agreed to be reached, from the survey\'s contact step, and names the assignee it is given', () => {
    const survey = SurveyDefinition.parse({ ...npsSurvey, questions: [...npsSurvey.questions, { id: 'reach', type: 'contact', prompt: 'May we contact you?' }] });
    const followUp = surveyFollowUp();
    followUp.response.answers = { ...followUp.response.answers, reach: { consent: true, channel: 'phone', address: '+47 123 45 678' } };
    expect(caseNoticeOf({ projectId: 'p', projectName: 'Demo Shop', followUp }, survey, caseUrl, 'Ann Berg')).toMatchObject({
      contact: { consent: true, channel: 'phone', address: '+4712345678' },
      assigneeName: 'Ann Berg',
    });
    followUp.response.answers = { ...followUp.response.answers, reach: { consent: false } };
    expect(caseNoticeOf({ projectId: 'p', projectName: 'Demo Shop', followUp }, survey, caseUrl, null).contact).toEqual({ consent: false });
  });

  it("describes a feedback-button case by its comment and the customer's email", () => {
    const followUp = FollowUp.parse({
      ...surveyFollowUp(),
      source: 'feedback',
      feedback: {
        id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60',
        category: 'problem',
        comment: 'The coupon is refused.',
        email: 'sam@shop.example',
        respondent: { anonymousId: 'anon-2', attributes: { plan: 'team' }, verified: false },
        context: { url: 'https://shop.example/cart' },
        sentAt: '2026-11-23T10:00:00.000Z',
        receivedAt: '2026-11-23T10:00:00.000Z',
        followUpId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      },
    });
    expect(caseNoticeOf({ projectId: 'p', projectName: 'Demo Shop', followUp }, null, caseUrl, null)).toMatchObject({
      source: { kind: 'feedback' },
      score: null,
      comment: 'The coupon is refused.',
      customer: { email: 'sam@shop.example' },
      customerValue: { attribute: 'plan', value: 'team' },
    });
  });
});
