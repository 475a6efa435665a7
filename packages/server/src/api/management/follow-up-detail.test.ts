import { signIdentity } from '@closeloop/sdk/node';
import { describe, expect, it } from 'vitest';
import { SurveyDefinition } from '@closeloop/sdk/schemas';
import { NOW } from '../../testing/fixtures.js';
import { upsertSurvey } from '../../repos/surveys.js';
import { caseRequests } from '../../testing/case-requests.js';
import { useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';

const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';

describe.each(testDialects)('GET /api/v1/follow-ups/:id: the case with its customer and timeline on $name', ({ open }) => {
  const t = useTestApp({}, open);
  const api = caseRequests(t);
  const verified = (userId: string, anonymousId = 'anon-1') => ({ anonymousId, userId, signature: signIdentity('shop-identity', userId), attributes: { plan: 'pro', mrr: 99 } });

  it('shows the respondent, page, device and locale, and the same verified user’s earlier responses and cases, from any device', async () => {
    const earlier = await api.openSurveyCase({ respondent: verified('u-1', 'laptop'), answeredAt: minutesAgo(30) });
    // Someone else claiming u-1 without a signature, and another user: neither is this customer.
    await api.openSurveyCase({ respondent: { anonymousId: 'x', userId: 'u-1' }, answeredAt: minutesAgo(20) });
    await api.openSurveyCase({ respondent: verified('u-2'), answeredAt: minutesAgo(10) });
    const id = await api.openSurveyCase({
      respondent: verified('u-1', 'phone'),
      context: { url: 'https://shop.example/checkout', locale: 'de-DE', userAgent: iphone, referrer: 'https://shop.example/cart' },
    });

    const { case: followUp, customer, timeline } = await api.detail(id);
    expect(followUp).toMatchObject({ id, status: 'open', version: 1 });
    expect(customer).toMatchObject({
      respondent: { anonymousId: 'phone', userId: 'u-1', verified: true, attributes: { plan: 'pro', mrr: 99 } },
      page: 'https://shop.example/checkout',
      referrer: 'https://shop.example/cart',
      locale: 'de-DE',
      userAgent: iphone,
      device: 'mobile',
    });
    expect(customer.earlierResponses.map((r) => r.followUpId)).toEqual([earlier]);
    expect(customer.earlierCases).toEqual([{ id: earlier, source: 'survey', status: 'open', priority: 'normal', resolution: null, createdAt: NOW.toISOString() }]);
    expect(timeline.map((e) => e.type)).toEqual(['opened']);
  });

  it('says how the customer agreed to be reached: the contact step, or the email left with feedback; null when neither', async () => {
    const withContact = SurveyDefinition.parse({
      id: 'nps',
      name: 'NPS with a contact step',
      questions: [
        { id: 'nps', type: 'nps', prompt: 'How likely?' },
        { id: 'reach', type: 'contact', prompt: 'May we contact you about this?' },
      ],
    });
    await upsertSurvey(t.db.kysely, t.shop.project.id, withContact, NOW);
    const phone = await api.openSurveyCase({ answers: { nps: 3, reach: { consent: true, channel: 'phone', address: '+46 70-123 45 67' } } });
    const declined = await api.openSurveyCase({ answers: { nps: 3, reach: { consent: false } } });
    const skipped = await api.openSurveyCase({ answers: { nps: 3 } });
    const feedback = await api.openFeedbackCase({ email: 'ana@example.com' });

    expect((await api.detail(phone)).customer.contact).toEqual({ consent: true, channel: 'phone', address: '+46701234567' });
    expect((await api.detail(declined)).customer.contact).toEqual({ consent: false });
    expect((await api.detail(skipped)).customer.contact).toBeNull();
    expect((await api.detail(feedback)).customer.contact).toEqual({ consent: true, channel: 'email', address: 'ana@example.com' });
  });

  it('matches an anonymous customer by browser, feedback cases included', async () => {
    const problem = await api.openFeedbackCase({ respondent: { anonymousId: 'anon-7' }, sentAt: minutesAgo(60) });
    await api.change('POST', `/api/v1/follow-ups/${problem}/resolve`, { resolution: 'fixed', summary: 'Reset the password' }, 200);
    await api.openSurveyCase({ respondent: { anonymousId: 'anon-8' } });
    const id = await api.openSurveyCase({ respondent: { anonymousId: 'anon-7' } });
    const { customer } = await api.detail(id);
    expect(customer.respondent).toEqual({ anonymousId: 'anon-7', verified: false });
    expect(customer.device).toBeNull();
    expect(customer.earlierResponses).toEqual([]);
    expect(customer.earlierCases).toEqual([expect.objectContaining({ id: problem, source: 'feedback', status: 'resolved', resolution: 'fixed' })]);
  });

  it('sends the version as the ETag, for the next change’s If-Match', async () => {
    const id = await api.openSurveyCase();
    const res = await t.app.request(`/api/v1/follow-ups/${id}`, { headers: api.auth() });
    expect(res.headers.get('etag')).toBe('"1"');
  });
});

describe('GET /api/v1/follow-ups/:id on a moving clock', () => {
  let clock = NOW;
  const t = useTestApp({ now: () => clock });
  const api = caseRequests(t);

  it('lists only what the customer did up to the case, not what came after it', async () => {
    clock = NOW;
    const first = await api.openSurveyCase({ respondent: { anonymousId: 'anon-3' } });
    clock = new Date(NOW.getTime() + 60_000);
    const second = await api.openSurveyCase({ respondent: { anonymousId: 'anon-3' } });
    expect((await api.detail(second)).customer.earlierCases.map((c) => c.id)).toEqual([first]);
    expect((await api.detail(second)).customer.earlierResponses).toHaveLength(1);
    expect((await api.detail(first)).customer.earlierCases).toEqual([]);
    expect((await api.detail(first)).customer.earlierResponses).toEqual([]);
  });
});
