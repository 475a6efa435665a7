import { ErrorBody, FollowUp, Page } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { feedbackSubmission, submission } from '../../testing/fixtures.js';
import { post, useTestApp } from '../../testing/test-app.js';
import { createProject } from '../../repos/projects.js';

const FollowUpPage = Page(FollowUp);

describe('GET /api/v1/follow-ups', () => {
  const t = useTestApp();
  const auth = () => ({ Authorization: `Bearer ${t.shop.secretKey}` });

  it('lists cases with their full response, the later comment included', async () => {
    const first = submission({ respondent: { anonymousId: 'anon-9', attributes: { plan: 'pro' } } });
    await post(t.app, '/v1/responses', first);
    await post(t.app, '/v1/responses', { ...first, answers: { comment: 'Shipping took weeks' }, finished: true });
    await post(t.app, '/v1/responses', submission({ answers: { nps: 10 } }));

    const res = await t.app.request('/api/v1/follow-ups', { headers: auth() });
    expect(res.status).toBe(200);
    const page = FollowUpPage.parse(await res.json());
    expect(page.nextCursor).toBeNull();
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({
      status: 'open',
      response: {
        id: first.id,
        answers: { nps: 3, comment: 'Shipping took weeks' },
        finished: true,
        respondent: { anonymousId: 'anon-9', attributes: { plan: 'pro' }, verified: false },
        context: { url: 'https://shop.example/checkout' },
      },
    });
  });

  it('lists survey and feedback cases together, each with what opened it', async () => {
    const response = submission();
    await post(t.app, '/v1/responses', response);
    const problem = feedbackSubmission({ comment: 'Cannot log in since the update' });
    await post(t.app, '/v1/feedback', problem);
    await post(t.app, '/v1/feedback', feedbackSubmission({ category: 'idea' }));

    const page = FollowUpPage.parse(await (await t.app.request('/api/v1/follow-ups', { headers: auth() })).json());
    const bySource = Object.fromEntries(page.data.map((f) => [f.source, f]));
    expect(page.data).toHaveLength(2);
    expect(bySource['survey']).toMatchObject({ surveyId: 'nps', reason: { question: 'nps', value: 3 }, response: { id: response.id } });
    expect(bySource['feedback']).toMatchObject({
      status: 'open',
      feedback: { id: problem.id, category: 'problem', comment: 'Cannot log in since the update' },
    });
  });

  it('pages with an opaque cursor and filters by status', async () => {
    for (let i = 0; i < 3; i++) await post(t.app, '/v1/responses', submission());
    const p1 = FollowUpPage.parse(await (await t.app.request('/api/v1/follow-ups?limit=2', { headers: auth() })).json());
    expect(p1.data).toHaveLength(2);
    const p2 = FollowUpPage.parse(
      await (await t.app.request(`/api/v1/follow-ups?limit=2&cursor=${p1.nextCursor}`, { headers: auth() })).json(),
    );
    expect(p2.data).toHaveLength(1);
    expect(p2.nextCursor).toBeNull();
    expect(new Set([...p1.data, ...p2.data].map((f) => f.id)).size).toBe(3);
    const closed = FollowUpPage.parse(await (await t.app.request('/api/v1/follow-ups?status=closed', { headers: auth() })).json());
    expect(closed.data).toEqual([]);
  });

  it('does not show another project’s cases', async () => {
    await post(t.app, '/v1/responses', submission());
    await createProject(t.db.kysely, 
      { name: 'b', publicKey: 'pk_b', secretKey: 'sk_b_secret', identitySecret: 'x', allowedOrigins: [] },
      new Date(),
    );
    const page = FollowUpPage.parse(await (await t.app.request('/api/v1/follow-ups', { headers: { Authorization: 'Bearer sk_b_secret' } })).json());
    expect(page.data).toEqual([]);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=201', 'limit'],
    ['status=pending', 'status'],
    ['cursor=garbage', 'cursor'],
    ['category=problem', 'category'],
    ['limit=5&statu=open&x=1', 'statu,x'],
  ])('422 naming the field for ?%s', async (query, fields) => {
    const res = await t.app.request(`/api/v1/follow-ups?${query}`, { headers: auth() });
    expect(res.status).toBe(422);
    expect(ErrorBody.parse(await res.json()).error.issues?.map((i) => i.path)).toEqual(fields.split(','));
  });

  it.each([
    ['limit=0', 'must be at least 1'],
    ['limit=-3', 'must be at least 1'],
    ['limit=201', 'must be at most 200'],
    ['limit=2.5', 'must be a whole number'],
    ['limit=abc', 'must be a number'],
    ['category=problem', 'is unknown here (known: limit, cursor, status, assignee, team, priority, overdue, surveyId, source, q)'],
  ])('says what is wrong with ?%s', async (query, message) => {
    const res = await t.app.request(`/api/v1/follow-ups?${query}`, { headers: auth() });
    expect(ErrorBody.parse(await res.json()).error.issues?.map((i) => i.message)).toEqual([message]);
  });

  it.each([
    ['missing', undefined],
    ['not bearer', 'Basic abc'],
    ['wrong key', 'Bearer sk_wrong'],
  ])('401 naming authorization when the key is %s', async (_, header) => {
    const res = await t.app.request('/api/v1/follow-ups', { headers: header ? { Authorization: header } : {} });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: 'unauthorized', issues: [{ path: 'authorization' }] });
  });
});
