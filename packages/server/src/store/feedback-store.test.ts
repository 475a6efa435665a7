import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { feedbackFollowUp } from '../followups/feedback-follow-up.js';
import { NOW, seedProject } from '../testing/fixtures.js';
import { testDialects, useTestStore } from '../testing/test-stores.js';
import type { RecordFeedbackInput } from './store.js';

describe.each(testDialects)('feedback in the store on $name', ({ open }) => {
  const t = useTestStore(open);

  function input(projectId: string, overrides: Partial<RecordFeedbackInput> = {}): RecordFeedbackInput {
    const category = overrides.category ?? 'problem';
    return {
      projectId,
      id: randomUUID(),
      category,
      comment: 'Checkout is broken',
      respondent: { anonymousId: 'anon-1', verified: false },
      context: { url: 'https://shop.example/checkout' },
      sentAt: NOW.toISOString(),
      receivedAt: NOW.toISOString(),
      followUp: feedbackFollowUp(category, NOW),
      ...overrides,
    };
  }

  it('stores a problem with its case in one call, and a repeat changes nothing', async () => {
    const { project } = await seedProject(t.store);
    const first = await t.store.recordFeedback(input(project.id, { email: 'ana@example.com' }));
    expect(first).toMatchObject({ outcome: 'created', followUpId: expect.any(String) });
    const id = first.outcome === 'conflict' ? '' : first.id;
    const repeat = await t.store.recordFeedback(input(project.id, { id, comment: 'edited on retry' }));
    expect(repeat).toEqual({ ...first, outcome: 'repeated' });

    const { data } = await t.store.listFeedback(project.id, { limit: 10 });
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
    const cases = await t.store.listFollowUps(project.id, { limit: 10 });
    expect(cases.data).toHaveLength(1);
    expect(cases.data[0]).toMatchObject({ source: 'feedback', status: 'open', dueAt: '2026-11-25T10:00:00.000Z', feedback: { id } });
  });

  it('opens one case when the same feedback is recorded many times at once', async () => {
    const { project } = await seedProject(t.store);
    const same = input(project.id);
    const results = await Promise.all(Array.from({ length: 6 }, () => t.store.recordFeedback(same)));
    expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
    expect(new Set(results.map((r) => (r.outcome === 'conflict' ? null : r.followUpId))).size).toBe(1);
    expect((await t.store.listFollowUps(project.id, { limit: 10 })).data).toHaveLength(1);
  });

  it('refuses an id of another project, writing nothing', async () => {
    const { project } = await seedProject(t.store);
    const other = await seedProject(t.store, 'other');
    const first = input(project.id);
    await t.store.recordFeedback(first);
    expect(await t.store.recordFeedback({ ...first, projectId: other.project.id })).toEqual({ outcome: 'conflict' });
    expect((await t.store.listFeedback(other.project.id, { limit: 10 })).data).toEqual([]);
  });

  it('pages feedback newest first, by category, and lists both kinds of case in one newest-first page', async () => {
    const { project } = await seedProject(t.store);
    const at = (s: number) => new Date(NOW.getTime() + s * 1000).toISOString();
    await t.store.recordFeedback(input(project.id, { category: 'idea', followUp: null, receivedAt: at(0) }));
    await t.store.recordFeedback(input(project.id, { receivedAt: at(2) }));
    await t.store.recordResponse({
      projectId: project.id,
      surveyId: 'nps',
      id: randomUUID(),
      answers: { nps: 1 },
      finished: true,
      respondent: { anonymousId: 'anon-2', verified: false },
      context: { url: 'https://shop.example/' },
      answeredAt: at(1),
      receivedAt: at(1),
      followUpFor: () => ({ trigger: { question: 'nps', value: 1 }, priority: 'normal', dueAt: at(3600) }),
    });

    const feedback = await t.store.listFeedback(project.id, { limit: 1 });
    expect(feedback.data.map((f) => f.category)).toEqual(['problem']);
    const rest = await t.store.listFeedback(project.id, { limit: 1, after: feedback.next ?? undefined });
    expect(rest.data.map((f) => f.category)).toEqual(['idea']);
    expect((await t.store.listFeedback(project.id, { limit: 10, category: 'praise' })).data).toEqual([]);

    const cases = await t.store.listFollowUps(project.id, { limit: 10 });
    expect(cases.data.map((f) => f.source)).toEqual(['feedback', 'survey']);
    expect((await t.store.listFollowUps(project.id, { limit: 1, after: { at: at(2), id: cases.data[0]?.id ?? '' } })).data.map((f) => f.source)).toEqual([
      'survey',
    ]);
  });
});
