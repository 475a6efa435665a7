import { DetractorThemes, ErrorBody } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { recordAnswer } from '../../testing/record-answer.js';
import type { Answer } from '../../testing/record-answer.js';
import { useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';

describe.each(testDialects)('GET /api/v1/stats/themes on $name', ({ open }) => {
  const t = useTestApp({}, open);
  const auth = () => ({ Authorization: `Bearer ${t.shop.secretKey}` });
  const answer = (a: Answer) => recordAnswer(t.db, t.shop.project.id, a);
  const at = '2026-11-20T10:00:00.000Z';

  async function themes(query = 'from=2026-11-01&to=2026-11-23'): Promise<DetractorThemes> {
    const res = await t.app.request(`/api/v1/stats/themes?${query}`, { headers: auth() });
    expect(res.status, await res.clone().text()).toBe(200);
    return DetractorThemes.parse(await res.json());
  }

  it('finds the words and phrases detractors repeat, stop words left out, each comment counted once', async () => {
    await answer({ score: 2, at, comment: 'The delivery was late and the delivery driver was rude.', url: 'https://shop.example/checkout' });
    await answer({ score: 4, at, comment: 'Late delivery again! Second time.', url: 'https://shop.example/checkout' });
    await answer({ score: 5, at, comment: 'Die Lieferung war zu spät, late delivery', url: 'https://shop.example/account' });
    // Not detractors: their words do not count.
    await answer({ score: 9, at, comment: 'Delivery late but great prices', url: 'https://shop.example/checkout' });
    await answer({ score: 7, at, comment: 'Prices prices prices', url: 'https://shop.example/account' });
    // A detractor without a comment counts for the pages only.
    await answer({ score: 1, at, url: 'https://shop.example/checkout' });

    const body = await themes();
    expect(body.comments).toBe(3);
    expect(body.languages).toEqual(expect.arrayContaining(['en', 'de', 'fr']));
    expect(body.words.slice(0, 2)).toEqual([
      { term: 'delivery', comments: 3 },
      { term: 'late', comments: 3 },
    ]);
    expect(body.phrases[0]).toEqual({ term: 'late delivery', comments: 2 });
    const terms = body.words.map((w) => w.term);
    for (const stop of ['the', 'was', 'and', 'die', 'war', 'zu']) expect(terms).not.toContain(stop);
    expect(terms).not.toContain('prices');
    expect(terms).toEqual(expect.arrayContaining(['rude', 'driver', 'lieferung', 'spät']));
    expect(body.pages).toEqual([
      { page: '/checkout', answers: 4, detractors: 3, share: 0.75 },
      { page: '/account', answers: 2, detractors: 1, share: 0.5 },
    ]);
  });

  it('keeps to the window and the survey', async () => {
    await answer({ score: 2, at: '2026-10-01T10:00:00.000Z', comment: 'Too expensive' });
    await answer({ score: 2, at, comment: 'Slow website' });
    const body = await themes();
    expect(body.words.map((w) => w.term)).toEqual(['slow', 'website']);
    expect((await themes('from=2026-11-01&to=2026-11-23&surveyId=other')).comments).toBe(0);
  });

  it('422 naming an unknown parameter', async () => {
    const res = await t.app.request('/api/v1/stats/themes?interval=day', { headers: auth() });
    expect(res.status).toBe(422);
    expect(ErrorBody.parse(await res.json()).error.issues?.map((i) => i.path)).toEqual(['interval']);
  });
});
