import { randomUUID } from 'node:crypto';
import { SurveyDefinition } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { openFollowUp } from '../followups/open-follow-up.js';
import { NOW, npsSurvey, seedProject } from '../testing/fixtures.js';
import { testDialects, useTestStore } from '../testing/test-stores.js';
import type { Answers, RecordResponseInput } from './store.js';

describe.each(testDialects)('store on $name', ({ open }) => {
  const t = useTestStore(open);

  function input(projectId: string, overrides: Partial<RecordResponseInput> = {}): RecordResponseInput {
    return {
      projectId,
      surveyId: 'nps',
      id: randomUUID(),
      answers: { nps: 3 },
      finished: false,
      respondent: { anonymousId: 'anon-1', verified: false },
      context: { url: 'https://shop.example/' },
      answeredAt: NOW.toISOString(),
      receivedAt: NOW.toISOString(),
      followUpFor: (answers: Answers) => openFollowUp(npsSurvey, answers, NOW),
      ...overrides,
    };
  }

  it('answers a ping', async () => {
    await expect(t.store.ping()).resolves.toBeUndefined();
  });

  it('finds projects by public key and by secret key, never storing the secret in the clear', async () => {
    const { project, secretKey } = await seedProject(t.store);
    expect(await t.store.findProjectByPublicKey('pk_shop')).toEqual(project);
    expect(await t.store.findProjectBySecretKey(secretKey)).toEqual(project);
    expect(await t.store.findProjectBySecretKey('sk_wrong')).toBeNull();
    expect(await t.store.findProjectByPublicKey('pk_nope')).toBeNull();
    expect(project.allowedOrigins).toEqual(['https://shop.example']);
    expect(JSON.stringify(project)).not.toContain(secretKey);
  });

  it('upserts surveys and lists only active ones', async () => {
    const { project } = await seedProject(t.store);
    expect(await t.store.listActiveSurveys(project.id)).toEqual([npsSurvey]);
    const inactive = SurveyDefinition.parse({ ...npsSurvey, active: false });
    await t.store.upsertSurvey(project.id, inactive, NOW);
    expect(await t.store.listActiveSurveys(project.id)).toEqual([]);
    expect(await t.store.getSurvey(project.id, 'nps')).toEqual(inactive);
    expect(await t.store.getSurvey(project.id, 'other')).toBeNull();
  });

  it('records a detractor and opens one case in the same call', async () => {
    const { project } = await seedProject(t.store);
    const result = await t.store.recordResponse(input(project.id));
    expect(result).toMatchObject({ outcome: 'created', followUpId: expect.any(String) });

    const { data } = await t.store.listFollowUps(project.id, { limit: 10 });
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      status: 'open',
      priority: 'normal',
      ownerId: null,
      trigger: { question: 'nps', value: 3 },
      dueAt: '2026-11-25T10:00:00.000Z',
      response: { answers: { nps: 3 }, finished: false },
    });
  });

  it('opens no case for a promoter', async () => {
    const { project } = await seedProject(t.store);
    const result = await t.store.recordResponse(input(project.id, { answers: { nps: 9 } }));
    expect(result).toMatchObject({ outcome: 'created', followUpId: null });
    expect((await t.store.listFollowUps(project.id, { limit: 10 })).data).toEqual([]);
  });

  it('merges later steps into one response, never un-finishing it, and keeps one case', async () => {
    const { project } = await seedProject(t.store);
    const id = randomUUID();
    const first = await t.store.recordResponse(input(project.id, { id }));
    const second = await t.store.recordResponse(input(project.id, { id, answers: { comment: 'Slow delivery' }, finished: true }));
    const retryOfFirst = await t.store.recordResponse(input(project.id, { id, answers: { nps: 3 }, finished: false }));
    expect(second).toEqual({ outcome: 'merged', id, followUpId: first.outcome === 'created' ? first.followUpId : 'x' });
    expect(retryOfFirst).toMatchObject({ outcome: 'merged', id });

    const responses = await t.store.listResponses(project.id, { limit: 10 });
    expect(responses.data).toHaveLength(1);
    expect(responses.data[0]).toMatchObject({ answers: { nps: 3, comment: 'Slow delivery' }, finished: true });

    const followUps = await t.store.listFollowUps(project.id, { limit: 10 });
    expect(followUps.data).toHaveLength(1);
    const [followUp] = followUps.data;
    expect(followUp?.source === 'survey' && followUp.response.answers).toEqual({ nps: 3, comment: 'Slow delivery' });
  });

  it('opens the case when a later step brings the negative answer', async () => {
    const { project } = await seedProject(t.store);
    const id = randomUUID();
    expect(await t.store.recordResponse(input(project.id, { id, answers: { comment: 'hm' } }))).toMatchObject({ followUpId: null });
    const merged = await t.store.recordResponse(input(project.id, { id, answers: { nps: 1 } }));
    expect(merged).toMatchObject({ outcome: 'merged', followUpId: expect.any(String) });
  });

  it('upgrades the identity when a later step is identified', async () => {
    const { project } = await seedProject(t.store);
    const id = randomUUID();
    await t.store.recordResponse(input(project.id, { id }));
    await t.store.recordResponse(
      input(project.id, { id, answers: { comment: 'x' }, respondent: { anonymousId: 'anon-1', userId: 'u-1', verified: true } }),
    );
    const [stored] = (await t.store.listResponses(project.id, { limit: 1 })).data;
    expect(stored?.respondent).toEqual({ anonymousId: 'anon-1', userId: 'u-1', verified: true });
  });

  it('refuses an id that belongs to another project or survey, writing nothing', async () => {
    const { project } = await seedProject(t.store);
    const other = await seedProject(t.store, 'other');
    const id = randomUUID();
    await t.store.recordResponse(input(project.id, { id, answers: { nps: 9 } }));
    expect(await t.store.recordResponse(input(other.project.id, { id }))).toEqual({ outcome: 'conflict' });
    expect(await t.store.recordResponse(input(project.id, { id, surveyId: 'csat' }))).toEqual({ outcome: 'conflict' });
    expect((await t.store.listResponses(project.id, { limit: 10 })).data[0]?.answers).toEqual({ nps: 9 });
    expect((await t.store.listFollowUps(project.id, { limit: 10 })).data).toEqual([]);
  });

  it('opens exactly one case when the same response is posted many times at once', async () => {
    const { project } = await seedProject(t.store);
    const id = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.store.recordResponse(input(project.id, { id, answers: i % 2 ? { nps: 2 } : { nps: 2, comment: 'late' } })),
      ),
    );
    expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
    const caseIds = new Set(results.map((r) => (r.outcome === 'conflict' ? 'conflict' : r.followUpId)));
    expect(caseIds.size).toBe(1);
    expect([...caseIds][0]).toEqual(expect.any(String));
    expect((await t.store.listFollowUps(project.id, { limit: 50 })).data).toHaveLength(1);
    expect((await t.store.listResponses(project.id, { limit: 50 })).data).toHaveLength(1);
  });

  it('pages responses newest first, filtered by survey, and scoped to the project', async () => {
    const { project } = await seedProject(t.store);
    const other = await seedProject(t.store, 'other');
    await t.store.recordResponse(input(other.project.id));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = randomUUID();
      ids.push(id);
      // Two share a timestamp, so the id tie-break is exercised.
      const at = new Date(NOW.getTime() + Math.min(i, 3) * 1000).toISOString();
      await t.store.recordResponse(input(project.id, { id, receivedAt: at, answers: { nps: 9 } }));
    }
    const first = await t.store.listResponses(project.id, { limit: 2 });
    const second = await t.store.listResponses(project.id, { limit: 2, after: first.next ?? undefined });
    const third = await t.store.listResponses(project.id, { limit: 2, after: second.next ?? undefined });
    const seen = [...first.data, ...second.data, ...third.data];
    expect(seen.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(third.next).toBeNull();
    const receivedAts = seen.map((r) => r.receivedAt);
    expect(receivedAts).toEqual([...receivedAts].sort().reverse());

    expect((await t.store.listResponses(project.id, { limit: 10, surveyId: 'other' })).data).toEqual([]);
    expect((await t.store.listResponses(project.id, { limit: 10, surveyId: 'nps' })).data).toHaveLength(5);
  });

  it('pages follow-ups newest first and filters them by status', async () => {
    const { project } = await seedProject(t.store);
    for (let i = 0; i < 3; i++) {
      await t.store.recordResponse(input(project.id, { receivedAt: new Date(NOW.getTime() + i * 1000).toISOString() }));
    }
    const first = await t.store.listFollowUps(project.id, { limit: 2 });
    expect(first.data.map((f) => f.createdAt)).toEqual(['2026-11-23T10:00:02.000Z', '2026-11-23T10:00:01.000Z']);
    const second = await t.store.listFollowUps(project.id, { limit: 2, after: first.next ?? undefined });
    expect(second.data.map((f) => f.createdAt)).toEqual(['2026-11-23T10:00:00.000Z']);
    expect(second.next).toBeNull();
    expect((await t.store.listFollowUps(project.id, { limit: 10, status: 'open' })).data).toHaveLength(3);
    expect((await t.store.listFollowUps(project.id, { limit: 10, status: 'closed' })).data).toHaveLength(0);
  });
});
