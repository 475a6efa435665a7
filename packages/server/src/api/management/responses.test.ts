import { signIdentity } from '@closeloop/sdk/node';
import { ErrorBody, Page, ResponseAccepted, StoredResponse } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { submission } from '../../testing/fixtures.js';
import { post, useTestApp } from '../../testing/test-app.js';

const ResponsePage = Page(StoredResponse);

describe('GET /api/v1/responses', () => {
  const t = useTestApp();
  const auth = () => ({ Authorization: `Bearer ${t.shop.secretKey}` });

  it('lists responses with follow-up ids and without signatures', async () => {
    const signature = signIdentity('shop-identity', 'u-1');
    const detractor = submission({ respondent: { anonymousId: 'a', userId: 'u-1', signature } });
    const promoter = submission({ answers: { nps: 10 } });
    const r1 = ResponseAccepted.parse(await (await post(t.app, '/v1/responses', detractor)).json());
    await post(t.app, '/v1/responses', promoter);

    const res = await t.app.request('/api/v1/responses', { headers: auth() });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(signature);
    const page = ResponsePage.parse(JSON.parse(text));
    const byId = Object.fromEntries(page.data.map((r) => [r.id, r]));
    expect(byId[detractor.id]).toMatchObject({ followUpId: r1.followUpId, respondent: { userId: 'u-1', verified: true } });
    expect(byId[promoter.id]?.followUpId).toBeNull();
  });

  it('filters by survey', async () => {
    await post(t.app, '/v1/responses', submission());
    const nps = ResponsePage.parse(await (await t.app.request('/api/v1/responses?surveyId=nps', { headers: auth() })).json());
    const other = ResponsePage.parse(await (await t.app.request('/api/v1/responses?surveyId=csat', { headers: auth() })).json());
    expect([nps.data.length, other.data.length]).toEqual([1, 0]);
  });

  it.each([
    ['surveyId=bad%20id', 'surveyId'],
    ['limit=-1', 'limit'],
    ['cursor=eyJ4IjoxfQ', 'cursor'],
    ['survey=nps', 'survey'],
  ])('422 naming the field for ?%s', async (query, field) => {
    const res = await t.app.request(`/api/v1/responses?${query}`, { headers: auth() });
    expect(res.status).toBe(422);
    expect(ErrorBody.parse(await res.json()).error.issues?.map((i) => i.path)).toEqual([field]);
  });

  it('401 without a key', async () => {
    const res = await t.app.request('/api/v1/responses');
    expect(res.status).toBe(401);
  });
});
