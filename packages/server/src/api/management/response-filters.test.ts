import { ErrorBody, ListedResponse, Page } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { post } from '../../testing/test-app.js';
import { recordAnswer } from '../../testing/record-answer.js';
import type { Answer } from '../../testing/record-answer.js';
import { useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';

const ResponsePage = Page(ListedResponse);

describe.each(testDialects)('GET /api/v1/responses filters on $name', ({ open }) => {
  const t = useTestApp({}, open);
  const auth = () => ({ Authorization: `Bearer ${t.shop.secretKey}` });
  const answer = (a: Answer) => recordAnswer(t.db, t.shop.project.id, a);

  async function list(query: string) {
    const res = await t.app.request(`/api/v1/responses?${query}`, { headers: auth() });
    expect(res.status, await res.clone().text()).toBe(200);
    return ResponsePage.parse(await res.json()).data;
  }

  it('narrows by score group, time, page and attribute; each names its case and score', async () => {
    const d = await answer({ score: 2, at: '2026-11-20T10:00:00.000Z', url: 'https://shop.example/checkout', attributes: { plan: 'pro' } });
    const p = await answer({ score: 8, at: '2026-11-21T10:00:00.000Z', url: 'https://shop.example/products/1', attributes: { plan: 'free' } });
    const pr = await answer({ score: 10, at: '2026-11-22T10:00:00.000Z', url: 'https://shop.example/products/2', attributes: { plan: 'pro' } });

    const detractors = await list('group=detractor');
    expect(detractors.map((r) => r.id)).toEqual([d.id]);
    expect(detractors[0]).toMatchObject({ followUpId: d.followUpId, npsScore: 2, read: null });
    expect(d.followUpId).not.toBeNull();
    expect((await list('group=passive')).map((r) => r.id)).toEqual([p.id]);
    expect((await list('group=promoter')).map((r) => r.id)).toEqual([pr.id]);
    expect((await list('from=2026-11-21&to=2026-11-22')).map((r) => r.id)).toEqual([p.id]);
    expect((await list('page=/products/*')).map((r) => r.id)).toEqual([pr.id, p.id]);
    expect((await list('attr.plan=pro')).map((r) => r.id)).toEqual([pr.id, d.id]);
    expect((await list('attr.plan=pro&group=promoter&page=/products/2')).map((r) => r.id)).toEqual([pr.id]);
  });

  it('takes LIKE wildcards in a page literally', async () => {
    await answer({ score: 2, at: '2026-11-20T10:00:00.000Z', url: 'https://shop.example/a_b' });
    await answer({ score: 2, at: '2026-11-20T10:00:00.000Z', url: 'https://shop.example/axb' });
    expect(await list('page=/a_*')).toHaveLength(1);
  });

  it.each([
    ['read=true', 'read'],
    ['unread=true', 'unread'],
    ['group=angry', 'group'],
    ['read=yes', 'read'],
  ])('422 naming the field for ?%s with a project key', async (query, field) => {
    const res = await t.app.request(`/api/v1/responses?${query}`, { headers: auth() });
    expect(res.status).toBe(422);
    expect(ErrorBody.parse(await res.json()).error.issues?.map((i) => i.path)).toEqual([field]);
  });

  it('refuses to mark read for a project key, naming ids', async () => {
    const { id } = await answer({ score: 2, at: '2026-11-20T10:00:00.000Z' });
    const res = await post(t.app, '/api/v1/responses/read', { ids: [id] }, auth());
    expect(res.status).toBe(422);
    expect(ErrorBody.parse(await res.json()).error.issues?.map((i) => i.path)).toEqual(['ids']);
    const bad = await post(t.app, '/api/v1/responses/unread', { ids: [] }, auth());
    expect(ErrorBody.parse(await bad.json()).error.issues?.map((i) => i.path)).toEqual(['ids']);
  });
});
