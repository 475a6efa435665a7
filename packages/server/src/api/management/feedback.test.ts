import { ErrorBody, Page, StoredFeedback } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { feedbackSubmission } from '../../testing/fixtures.js';
import { post, useTestApp } from '../../testing/test-app.js';
import { createProject } from '../../repos/projects.js';

const FeedbackPage = Page(StoredFeedback);

describe('GET /api/v1/feedback', () => {
  const t = useTestApp();
  const get = async (query = '', key = t.shop.secretKey) =>
    t.app.request(`/api/v1/feedback${query}`, { headers: { Authorization: `Bearer ${key}` } });

  it('lists feedback newest first, pages with a cursor and filters by category', async () => {
    for (const category of ['idea', 'problem', 'praise'] as const) await post(t.app, '/v1/feedback', feedbackSubmission({ category }));
    const first = FeedbackPage.parse(await (await get('?limit=2')).json());
    expect(first.data).toHaveLength(2);
    const second = FeedbackPage.parse(await (await get(`?limit=2&cursor=${first.nextCursor}`)).json());
    expect(second.nextCursor).toBeNull();
    expect([...first.data, ...second.data].map((f) => f.category).sort()).toEqual(['idea', 'praise', 'problem']);

    const problems = FeedbackPage.parse(await (await get('?category=problem')).json());
    expect(problems.data).toHaveLength(1);
    expect(problems.data[0]?.followUpId).toEqual(expect.any(String));
  });

  it('does not show another project’s feedback', async () => {
    await post(t.app, '/v1/feedback', feedbackSubmission());
    await createProject(t.db.kysely, { name: 'b', publicKey: 'pk_b', secretKey: 'sk_b_secret', identitySecret: 'x', allowedOrigins: [] }, new Date());
    expect(FeedbackPage.parse(await (await get('', 'sk_b_secret')).json()).data).toEqual([]);
  });

  it.each([
    ['category=complaint', 'category'],
    ['limit=0', 'limit'],
    ['cursor=garbage', 'cursor'],
    ['status=open', 'status'],
  ])('422 naming the field for ?%s', async (query, field) => {
    const res = await get(`?${query}`);
    expect(res.status).toBe(422);
    expect(ErrorBody.parse(await res.json()).error.issues?.map((i) => i.path)).toEqual([field]);
  });

  it('401 without the secret key', async () => {
    expect((await t.app.request('/api/v1/feedback')).status).toBe(401);
  });
});
