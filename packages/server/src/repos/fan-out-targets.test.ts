import { randomUUID } from 'node:crypto';
import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { recordResponse } from '../ingest/record-response.js';
import { NOW, responseStep, seedProject } from '../testing/fixtures.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { fanOutTargetsReader } from './fan-out-targets.js';
import { insertWebhook } from './webhooks.js';

describe.each(testDialects)('the fan-out’s read of who to tell on $name', ({ open }) => {
  const t = useTestDb(open);

  async function detractorCase(projectId: string): Promise<string> {
    const result = await recordResponse(t.db.kysely, responseStep(projectId, { answers: { nps: 2 }, respondent: { anonymousId: randomUUID(), verified: false } }));
    if (result.outcome !== 'created' || result.followUpId === null) throw new Error(`no case: ${result.outcome}`);
    return result.followUpId;
  }

  /** The connection, and how many statements ran through it. */
  function counted() {
    let statements = 0;
    const plugin: KyselyPlugin = { transformQuery: ({ node }) => node, transformResult: async ({ result }) => (statements++, result) };
    return { conn: t.db.kysely.withPlugin(plugin), statements: () => statements };
  }

  it('answers the cases asked for in one turn (a claim’s fan-outs) with one statement, each with its own project’s webhooks', async () => {
    const { project: shop } = await seedProject(t.db, 'shop');
    const { project: cafe } = await seedProject(t.db, 'cafe');
    const hook = await insertWebhook(t.db.kysely, { projectId: shop.id, url: 'https://hooks.example/a', events: ['follow_up.opened'], secret: 'whsec_a' }, NOW);
    const shopCases = [await detractorCase(shop.id), await detractorCase(shop.id)];
    const cafeCase = await detractorCase(cafe.id);
    const { conn, statements } = counted();
    const targetsOf = fanOutTargetsReader(conn);

    const [a, b, c, gone, again] = await Promise.all([...shopCases, cafeCase, randomUUID(), shopCases[0]!].map(targetsOf));

    expect(statements()).toBe(1);
    expect(a).toEqual({ projectId: shop.id, assigneeId: null, teamId: null, webhooks: [{ id: hook.id, events: ['follow_up.opened'] }], slack: false });
    expect(b).toEqual(a);
    expect(again).toEqual(a);
    expect(c).toEqual({ projectId: cafe.id, assigneeId: null, teamId: null, webhooks: [], slack: false });
    expect(gone).toBeNull();
    // A later turn reads again.
    expect(await targetsOf(cafeCase)).toEqual(c);
    expect(statements()).toBe(2);
  });
});
