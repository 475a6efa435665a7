import { ErrorBody, ListedResponse, Page } from '@closeloop/sdk/schemas';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../testing/console-login.js';
import { recordAnswer } from '../../testing/record-answer.js';
import { useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';

const ResponsePage = Page(ListedResponse);

describe.each(testDialects)('read state through console sessions on $name', ({ open }) => {
  const t = useTestApp({}, open);

  async function seed() {
    const ids: string[] = [];
    for (const hour of [1, 2, 3]) ids.push((await recordAnswer(t.db, t.shop.project.id, { score: hour, at: `2026-11-20T0${hour}:00:00.000Z`, comment: `Answer ${hour}` })).id);
    return ids as [string, string, string];
  }

  it('marks read and unread per member, filters by it, and exports it', async () => {
    const [a1, a2, a3] = await seed();
    const viewer = await signInAs(t, 'viewer');
    const agent = await signInAs(t, 'agent');
    const list = async (who: typeof viewer, query = '') => {
      const res = await who.send('GET', `/api/v1/responses${query}`);
      expect(res.status, await res.clone().text()).toBe(200);
      return ResponsePage.parse(await res.json()).data.map((r) => [r.id, r.read]);
    };

    // A viewer may keep track too: reading changes nothing of the project's.
    expect((await viewer.send('POST', '/api/v1/responses/read', { ids: [a1, a3] })).status).toBe(204);
    expect(await list(viewer)).toEqual([
      [a3, true],
      [a2, false],
      [a1, true],
    ]);
    expect(await list(agent, '?read=true')).toEqual([]);
    expect((await list(viewer, '?unread=true')).map(([id]) => id)).toEqual([a2]);
    expect((await list(viewer, '?read=false&group=detractor')).map(([id]) => id)).toEqual([a2]);

    expect((await viewer.send('POST', '/api/v1/responses/unread', { ids: [a3] })).status).toBe(204);
    expect((await list(viewer, '?read=true')).map(([id]) => id)).toEqual([a1]);

    const csv = await viewer.send('GET', '/api/v1/export/responses.csv?read=true');
    const rows = parse((await csv.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r['id'], r['read']])).toEqual([[a1, 'true']]);
  });

  it('names the unknown id, marks nothing, and needs the CSRF token', async () => {
    const [a1] = await seed();
    const agent = await signInAs(t, 'agent');
    const res = await agent.send('POST', '/api/v1/responses/read', { ids: [a1, '0190a0b0-0000-7000-8000-000000000999'] });
    expect(res.status).toBe(422);
    expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: 'unknown_response', issues: [{ path: 'ids.1' }] });
    const noCsrf = await t.app.request('/api/v1/responses/read', { method: 'POST', headers: { Cookie: agent.cookie, 'Content-Type': 'application/json' }, body: JSON.stringify({ ids: [a1] }) });
    expect(noCsrf.status).toBe(403);
    const page = ResponsePage.parse(await (await agent.send('GET', '/api/v1/responses')).json());
    expect(page.data.every((r) => r.read === false)).toBe(true);
  });
});
