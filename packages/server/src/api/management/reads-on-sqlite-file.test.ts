import { NpsStats } from '@closeloop/sdk/schemas';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { post, useTestApp } from '../../testing/test-app.js';
import { openSqliteFileTestDb } from '../../testing/test-dbs.js';

// On a SQLite file the stats, the exports and the queue's list read through the second connection, on its worker
// thread (db.reads), not the one the answers are written on: what the console reads right after an answer is
// acknowledged must include it.
describe('the console reads on a SQLite file', () => {
  const t = useTestApp({}, openSqliteFileTestDb);
  const auth = () => ({ Authorization: `Bearer ${t.shop.secretKey}` });
  // The clock is pinned, so the answer is received at the instant a default window ends (its end is exclusive).
  const window = 'from=2026-11-01T00:00:00.000Z&to=2026-11-24T00:00:00.000Z';

  it('counts an answer acknowledged just before, in the stats, the exports and the queue', async () => {
    expect(t.db.reads).not.toBe(t.db.kysely);
    const sent = { id: '0192f1c2-0000-7000-8000-000000000001', project: 'pk_shop', surveyId: 'nps', answers: { nps: 2, comment: 'Late again' }, respondent: { anonymousId: 'anon-1' }, context: { url: 'https://shop.example/checkout' }, answeredAt: '2026-11-23T09:00:00.000Z' };
    const ack = await post(t.app, '/v1/responses', sent, { Origin: 'https://shop.example' });
    expect(ack.status, await ack.clone().text()).toBe(201);
    const { followUpId } = (await ack.json()) as { followUpId: string };

    const nps = NpsStats.parse(await (await t.app.request(`/api/v1/stats/nps?${window}`, { headers: auth() })).json());
    expect(nps.totals).toMatchObject({ count: 1, detractors: 1, nps: -100 });
    const themes = (await (await t.app.request(`/api/v1/stats/themes?${window}`, { headers: auth() })).json()) as { pages: { page: string; detractors: number }[] };
    expect(themes.pages).toEqual([expect.objectContaining({ page: '/checkout', detractors: 1 })]);
    const followUps = (await (await t.app.request(`/api/v1/stats/follow-ups?${window}`, { headers: auth() })).json()) as { overall: { opened: number } };
    expect(followUps.overall.opened).toBe(1);

    const responses = parse((await (await t.app.request('/api/v1/export/responses.csv', { headers: auth() })).text()), { columns: true }) as Record<string, string>[];
    expect(responses).toEqual([expect.objectContaining({ id: sent.id, nps_score: '2', comment: 'Late again', case_id: followUpId })]);
    const cases = parse((await (await t.app.request('/api/v1/export/cases.csv', { headers: auth() })).text()), { columns: true }) as Record<string, string>[];
    expect(cases).toEqual([expect.objectContaining({ id: followUpId, status: 'open' })]);

    const found = (await (await t.app.request('/api/v1/follow-ups?q=late', { headers: auth() })).json()) as { data: { id: string }[]; counts: Record<string, number> };
    expect(found.data.map((c) => c.id)).toEqual([followUpId]);
    expect(found.counts).toMatchObject({ open: 1 });
  });
});
