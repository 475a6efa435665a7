import { ErrorBody, NpsStats } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { upsertSurvey } from '../../repos/surveys.js';
import { NOW, npsSurvey } from '../../testing/fixtures.js';
import { recordAnswer } from '../../testing/record-answer.js';
import type { Answer } from '../../testing/record-answer.js';
import { useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';

// NOW is Monday 2026-11-23 10:00 UTC.
describe.each(testDialects)('GET /api/v1/stats/nps on $name', ({ open }) => {
  const t = useTestApp({}, open);
  const auth = () => ({ Authorization: `Bearer ${t.shop.secretKey}` });
  const answer = (a: Answer) => recordAnswer(t.db, t.shop.project.id, a);

  async function stats(query: string): Promise<NpsStats> {
    const res = await t.app.request(`/api/v1/stats/nps?${query}`, { headers: auth() });
    expect(res.status, await res.clone().text()).toBe(200);
    return NpsStats.parse(await res.json());
  }

  async function seed() {
    await upsertSurvey(t.db.kysely, t.shop.project.id, { ...npsSurvey, id: 'app-nps' }, NOW);
    // Thursday 19th: two detractors, a passive, a promoter on the checkout; Saturday 21st: two promoters; Monday 23rd: a
    // detractor of the other survey. One answer before the window.
    await answer({ score: 0, at: '2026-11-19T08:00:00.000Z', url: 'https://shop.example/checkout?step=2', attributes: { plan: 'pro', seats: 5 } });
    await answer({ score: 6, at: '2026-11-19T09:00:00.000Z', url: 'https://shop.example/checkout', attributes: { plan: 'free' } });
    await answer({ score: 7, at: '2026-11-19T10:00:00.000Z', url: 'https://shop.example/checkout', attributes: { plan: 'pro', beta: true } });
    await answer({ score: 10, at: '2026-11-19T23:59:59.000Z', url: 'https://shop.example/products/42' });
    await answer({ score: 9, at: '2026-11-21T12:00:00.000Z', url: 'https://shop.example/products/7', attributes: { plan: 'pro' } });
    await answer({ score: 10, at: '2026-11-21T13:00:00.000Z', url: 'https://shop.example/' });
    await answer({ score: 3, at: '2026-11-23T09:00:00.000Z', surveyId: 'app-nps', url: 'https://shop.example/app' });
    await answer({ score: 0, at: '2026-11-01T09:00:00.000Z' });
  }

  it('counts per day, with the split, the NPS, the 0–10 distribution and the totals', async () => {
    await seed();
    const body = await stats('from=2026-11-18&to=2026-11-24');
    expect(body.buckets.map((b) => b.start)).toEqual(['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'].map((d) => `${d}T00:00:00.000Z`));
    expect(body.buckets.map((b) => [b.count, b.detractors, b.passives, b.promoters, b.nps])).toEqual([
      [0, 0, 0, 0, null],
      [4, 2, 1, 1, -25],
      [0, 0, 0, 0, null],
      [2, 0, 0, 2, 100],
      [0, 0, 0, 0, null],
      [1, 1, 0, 0, -100],
    ]);
    expect(body.distribution).toEqual([1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 2]);
    // (3 promoters − 3 detractors) / 7.
    expect(body.totals).toEqual({ count: 7, detractors: 3, passives: 1, promoters: 3, nps: 0 });
  });

  it('gathers ISO weeks starting Monday, the first cut to the window', async () => {
    await seed();
    const body = await stats('from=2026-11-18T12:00:00Z&to=2026-11-24&interval=week');
    expect(body.buckets.map((b) => [b.start, b.count])).toEqual([
      ['2026-11-18T12:00:00.000Z', 6],
      ['2026-11-23T00:00:00.000Z', 1],
    ]);
    expect(body.interval).toBe('week');
  });

  it('narrows by survey, by page (path, pattern or URL) and by attributes', async () => {
    await seed();
    const window = 'from=2026-11-18&to=2026-11-24';
    expect((await stats(`${window}&surveyId=app-nps`)).totals.count).toBe(1);
    expect((await stats(`${window}&page=/checkout`)).totals).toMatchObject({ count: 3, detractors: 2 });
    expect((await stats(`${window}&page=${encodeURIComponent('https://shop.example/checkout?step=9')}`)).totals.count).toBe(3);
    expect((await stats(`${window}&page=/products/*`)).totals).toMatchObject({ count: 2, promoters: 2 });
    expect((await stats(`${window}&attr.plan=pro`)).totals).toMatchObject({ count: 3, detractors: 1, passives: 1, promoters: 1 });
    expect((await stats(`${window}&attr.plan=pro&attr.seats=5`)).totals.count).toBe(1);
    expect((await stats(`${window}&attr.beta=true`)).totals.count).toBe(1);
    expect((await stats(`${window}&attr.plan=enterprise`)).totals).toEqual({ count: 0, detractors: 0, passives: 0, promoters: 0, nps: null });
  });

  it('defaults to the last 30 days by day', async () => {
    await seed();
    const body = await stats('');
    expect(body.to).toBe(NOW.toISOString());
    expect(body.buckets).toHaveLength(31);
    expect(body.totals.count).toBe(8);
  });

  it.each([
    ['interval=month', 'interval'],
    ['from=yesterday', 'from'],
    ['from=2026-11-20&to=2026-11-10', 'to'],
    ['page=checkout', 'page'],
    ['attr.pl%22an=pro', 'attr.pl"an'],
    ['surveyId=a%20b', 'surveyId'],
    ['limit=5', 'limit'],
  ])('422 naming the field for ?%s', async (query, field) => {
    const res = await t.app.request(`/api/v1/stats/nps?${query}`, { headers: auth() });
    expect(res.status).toBe(422);
    expect(ErrorBody.parse(await res.json()).error.issues?.map((i) => i.path)).toEqual([field]);
  });

  it('401 without a key', async () => {
    expect((await t.app.request('/api/v1/stats/nps')).status).toBe(401);
  });
});
