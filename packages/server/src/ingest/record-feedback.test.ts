import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NOW, responseStep, seedProject } from '../testing/fixtures.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { recordFeedback } from './record-feedback.js';
import type { RecordFeedbackInput } from './record-feedback.js';
import { recordResponse } from './record-response.js';
import { listCases } from '../repos/cases.js';
import { listFeedback } from '../repos/feedback.js';
import { refuseCaseInserts } from '../testing/refuse-case-inserts.js';

describe.each(testDialects)('recordFeedback on $name', ({ open }) => {
  const t = useTestDb(open);

  function input(projectId: string, overrides: Partial<RecordFeedbackInput> = {}): RecordFeedbackInput {
    return {
      projectId,
      id: randomUUID(),
      category: 'problem',
      comment: 'Checkout is broken',
      respondent: { anonymousId: 'anon-1', verified: false },
      context: { url: 'https://shop.example/checkout' },
      sentAt: NOW.toISOString(),
      receivedAt: NOW.toISOString(),
      ...overrides,
    };
  }

  it('stores a problem with its case in one call, and a repeat changes nothing', async () => {
    const { project } = await seedProject(t.db);
    const first = await recordFeedback(t.db.kysely, input(project.id, { email: 'ana@example.com' }));
    expect(first).toMatchObject({ outcome: 'created', followUpId: expect.any(String) });
    const id = first.outcome === 'conflict' ? '' : first.id;
    const repeat = await recordFeedback(t.db.kysely, input(project.id, { id, comment: 'edited on retry' }));
    expect(repeat).toEqual({ ...first, outcome: 'repeated' });

    const { data } = await listFeedback(t.db.kysely, project.id, { limit: 10 });
    expect(data).toEqual([
      {
        id,
        category: 'problem',
        comment: 'Checkout is broken',
        email: 'ana@example.com',
        respondent: { anonymousId: 'anon-1', verified: false },
        context: { url: 'https://shop.example/checkout' },
        sentAt: NOW.toISOString(),
        receivedAt: NOW.toISOString(),
        followUpId: first.outcome === 'created' ? first.followUpId : null,
      },
    ]);
    const cases = await listCases(t.db.kysely, project.id, { limit: 10 });
    expect(cases.data).toHaveLength(1);
    expect(cases.data[0]).toMatchObject({ source: 'feedback', status: 'open', dueAt: '2026-11-25T10:00:00.000Z', feedback: { id } });
  });

  it('commits a problem and its case together or not at all', async () => {
    const { project } = await seedProject(t.db);
    await refuseCaseInserts(t.db);
    await expect(recordFeedback(t.db.kysely, input(project.id))).rejects.toThrow(/case refused/);
    expect((await listFeedback(t.db.kysely, project.id, { limit: 10 })).data).toEqual([]);
    expect(await recordFeedback(t.db.kysely, input(project.id, { category: 'idea' }))).toMatchObject({ outcome: 'created', followUpId: null });
  });

  it('opens one case when the same feedback is recorded many times at once', async () => {
    const { project } = await seedProject(t.db);
    const same = input(project.id);
    const results = await Promise.all(Array.from({ length: 6 }, () => recordFeedback(t.db.kysely, same)));
    expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
    expect(new Set(results.map((r) => (r.outcome === 'conflict' ? null : r.followUpId))).size).toBe(1);
    expect((await listCases(t.db.kysely, project.id, { limit: 10 })).data).toHaveLength(1);
  });

  it('refuses an id of another project, writing nothing', async () => {
    const { project } = await seedProject(t.db);
    const other = await seedProject(t.db, 'other');
    const first = input(project.id);
    await recordFeedback(t.db.kysely, first);
    expect(await recordFeedback(t.db.kysely, { ...first, projectId: other.project.id })).toEqual({ outcome: 'conflict' });
    expect((await listFeedback(t.db.kysely, other.project.id, { limit: 10 })).data).toEqual([]);
  });

  it('pages feedback newest first, by category, and pages both kinds of case through one queue', async () => {
    const { project } = await seedProject(t.db);
    const at = (s: number) => new Date(NOW.getTime() + s * 1000).toISOString();
    await recordFeedback(t.db.kysely, input(project.id, { category: 'idea', receivedAt: at(0) }));
    await recordFeedback(t.db.kysely, input(project.id, { receivedAt: at(2) }));
    await recordResponse(t.db.kysely, responseStep(project.id, { answers: { nps: 1 }, finished: true, respondent: { anonymousId: 'anon-2', verified: false }, answeredAt: at(1), receivedAt: at(1) }));

    const feedback = await listFeedback(t.db.kysely, project.id, { limit: 1 });
    expect(feedback.data.map((f) => f.category)).toEqual(['problem']);
    const rest = await listFeedback(t.db.kysely, project.id, { limit: 1, after: feedback.next ?? undefined });
    expect(rest.data.map((f) => f.category)).toEqual(['idea']);
    expect((await listFeedback(t.db.kysely, project.id, { limit: 10, category: 'praise' })).data).toEqual([]);

    const cases = await listCases(t.db.kysely, project.id, { limit: 1 });
    const more = await listCases(t.db.kysely, project.id, { limit: 1, after: cases.next ?? undefined });
    expect([...cases.data, ...more.data].map((f) => f.source).sort()).toEqual(['feedback', 'survey']);
    expect(more.next).toBeNull();
  });
});
