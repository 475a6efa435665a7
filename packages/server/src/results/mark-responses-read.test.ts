import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { insertMember } from '../repos/members.js';
import { listResponses } from '../repos/responses.js';
import { NOW, seedProject } from '../testing/fixtures.js';
import { recordAnswer } from '../testing/record-answer.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { markResponsesRead } from './mark-responses-read.js';

describe.each(testDialects)('markResponsesRead on $name', ({ open }) => {
  const t = useTestDb(open);

  async function setUp() {
    const shop = await seedProject(t.db);
    const other = await seedProject(t.db, 'other');
    const member = async (name: string) => (await insertMember(t.db.kysely, shop.project.id, { name, email: `${name}@shop.example`, role: 'agent', away: false }, NOW))!.id;
    const ann = await member('ann');
    const bob = await member('bob');
    const answers = [];
    for (const hour of [1, 2, 3]) answers.push((await recordAnswer(t.db, shop.project.id, { score: hour, at: `2026-11-20T0${hour}:00:00.000Z` })).id);
    const foreign = (await recordAnswer(t.db, other.project.id, { score: 1, at: '2026-11-20T01:00:00.000Z' })).id;
    const mark = (memberId: string, ids: string[], read: boolean) => markResponsesRead(t.db.kysely, { projectId: shop.project.id, memberId, ids, read, now: NOW });
    const readState = async (memberId: string, read?: boolean) => {
      const page = await listResponses(t.db.kysely, shop.project.id, { limit: 50, ...(read !== undefined && { read: { memberId, read } }) }, memberId);
      return page.data.map((r) => [r.id, r.read] as const);
    };
    return { shop, ann, bob, answers, foreign, mark, readState };
  }

  it('keeps read state per member, and filters by it', async () => {
    const { ann, bob, answers, mark, readState } = await setUp();
    const [a1, a2, a3] = answers as [string, string, string];
    expect(await mark(ann, [a1, a3, a1], true)).toEqual({ outcome: 'marked' });
    expect(await readState(ann)).toEqual([
      [a3, true],
      [a2, false],
      [a1, true],
    ]);
    // Bob has read nothing: Ann's reading is hers.
    expect((await readState(bob)).every(([, read]) => read === false)).toBe(true);
    expect((await readState(ann, false)).map(([id]) => id)).toEqual([a2]);
    expect((await readState(ann, true)).map(([id]) => id)).toEqual([a3, a1]);
    // Marking twice is harmless; unread takes it back.
    await mark(ann, [a3], true);
    await mark(ann, [a3], false);
    expect((await readState(ann, true)).map(([id]) => id)).toEqual([a1]);
  });

  it('refuses the whole request when an id is not a response of the project', async () => {
    const { ann, answers, foreign, mark, readState } = await setUp();
    expect(await mark(ann, [answers[0]!, foreign], true)).toEqual({ outcome: 'unknown', index: 1, id: foreign });
    expect(await mark(ann, [randomUUID()], true)).toMatchObject({ outcome: 'unknown', index: 0 });
    expect((await readState(ann, true)).length).toBe(0);
  });
});
