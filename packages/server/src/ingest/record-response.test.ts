import { randomUUID } from 'node:crypto';
import { ProjectSettings, SurveyDefinition } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { NOW, npsSurvey, responseStep, seedProject } from '../testing/fixtures.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { recordResponse } from './record-response.js';
import { listCaseEvents } from '../repos/case-events.js';
import { listCases } from '../repos/cases.js';
import { findJobByKey } from '../repos/jobs.js';
import { saveProjectSettings } from '../repos/project-settings.js';
import { listResponses } from '../repos/responses.js';
import { upsertSurvey } from '../repos/surveys.js';
import { withTransaction } from '../db/with-transaction.js';
import { refuseCaseInserts } from '../testing/refuse-case-inserts.js';

describe.each(testDialects)('recordResponse on $name', ({ open }) => {
  const t = useTestDb(open);

  const input = responseStep;

  it('records a detractor and opens one case in the same transaction', async () => {
    const { project } = await seedProject(t.db);
    const result = await recordResponse(t.db.kysely, input(project.id));
    expect(result).toMatchObject({ outcome: 'created', followUpId: expect.any(String) });

    const { data } = await listCases(t.db.kysely, project.id, { limit: 10 });
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      status: 'open',
      priority: 'high', // NPS 3: high by the score
      assigneeId: null,
      version: 1,
      reason: { question: 'nps', value: 3 },
      dueAt: '2026-11-25T10:00:00.000Z',
      response: { answers: { nps: 3 }, finished: false },
    });
  });

  it('commits a response and its case together or not at all: a failing case insert leaves no response behind', async () => {
    const { project } = await seedProject(t.db);
    await refuseCaseInserts(t.db);
    await expect(recordResponse(t.db.kysely, input(project.id))).rejects.toThrow(/case refused/);
    expect((await listResponses(t.db.kysely, project.id, { limit: 10 })).data).toEqual([]);
    // A promoter opens no case, so the same refusal does not touch it.
    expect(await recordResponse(t.db.kysely, input(project.id, { answers: { nps: 10 } }))).toMatchObject({ outcome: 'created' });
  });

  it('shares the caller’s transaction: a batch commits as one, and one failure rolls back the responses before it', async () => {
    const { project } = await seedProject(t.db);
    const batch = [input(project.id, { answers: { nps: 9 } }), input(project.id, { answers: { nps: 10 } })];
    await withTransaction(t.db.kysely, async (trx) => {
      for (const step of batch) expect(await recordResponse(trx, step)).toMatchObject({ outcome: 'created' });
    });
    expect((await listResponses(t.db.kysely, project.id, { limit: 10 })).data).toHaveLength(2);

    await refuseCaseInserts(t.db);
    const failing = [input(project.id, { answers: { nps: 9 } }), input(project.id, { answers: { nps: 2 } })];
    await expect(
      withTransaction(t.db.kysely, async (trx) => {
        for (const step of failing) await recordResponse(trx, step);
      }),
    ).rejects.toThrow(/case refused/);
    expect((await listResponses(t.db.kysely, project.id, { limit: 10 })).data).toHaveLength(2);
  });

  it('refuses an unknown or inactive survey and answers that do not fit, writing nothing', async () => {
    const { project } = await seedProject(t.db);
    expect(await recordResponse(t.db.kysely, input(project.id, { surveyId: 'nope' }))).toEqual({ outcome: 'survey_not_found' });
    expect(await recordResponse(t.db.kysely, input(project.id, { answers: { nps: 11, why: 'x' } }))).toEqual({
      outcome: 'invalid_answers',
      issues: [
        { path: 'answers.nps', message: expect.any(String) },
        { path: 'answers.why', message: 'survey nps has no question "why"' },
      ],
    });
    await upsertSurvey(t.db.kysely, project.id, SurveyDefinition.parse({ ...npsSurvey, active: false }), NOW);
    expect(await recordResponse(t.db.kysely, input(project.id))).toEqual({ outcome: 'survey_inactive' });
    expect((await listResponses(t.db.kysely, project.id, { limit: 10 })).data).toEqual([]);
  });

  it('opens no case for a promoter', async () => {
    const { project } = await seedProject(t.db);
    const result = await recordResponse(t.db.kysely, input(project.id, { answers: { nps: 9 } }));
    expect(result).toMatchObject({ outcome: 'created', followUpId: null });
    expect((await listCases(t.db.kysely, project.id, { limit: 10 })).data).toEqual([]);
  });

  it('merges later steps into one response, never un-finishing it, and keeps one case', async () => {
    const { project } = await seedProject(t.db);
    const id = randomUUID();
    const first = await recordResponse(t.db.kysely, input(project.id, { id }));
    const second = await recordResponse(t.db.kysely, input(project.id, { id, answers: { comment: 'Slow delivery' }, finished: true }));
    const retryOfFirst = await recordResponse(t.db.kysely, input(project.id, { id, answers: { nps: 3 }, finished: false }));
    expect(second).toEqual({ outcome: 'merged', id, followUpId: first.outcome === 'created' ? first.followUpId : 'x' });
    expect(retryOfFirst).toMatchObject({ outcome: 'merged', id });

    const responses = await listResponses(t.db.kysely, project.id, { limit: 10 });
    expect(responses.data).toHaveLength(1);
    expect(responses.data[0]).toMatchObject({ answers: { nps: 3, comment: 'Slow delivery' }, finished: true });

    const followUps = await listCases(t.db.kysely, project.id, { limit: 10 });
    expect(followUps.data).toHaveLength(1);
    const [followUp] = followUps.data;
    expect(followUp?.source === 'survey' && followUp.response.answers).toEqual({ nps: 3, comment: 'Slow delivery' });
  });

  it('puts a later step that adds to the answer on its case’s timeline, which a retry of a step leaves alone', async () => {
    const { project } = await seedProject(t.db);
    const id = randomUUID();
    const first = await recordResponse(t.db.kysely, input(project.id, { id }));
    const caseId = first.outcome === 'created' ? first.followUpId! : '';
    await recordResponse(t.db.kysely, input(project.id, { id, answers: { comment: 'Slow delivery' }, finished: true }));
    // Retries: of the comment, and of the score.
    await recordResponse(t.db.kysely, input(project.id, { id, answers: { comment: 'Slow delivery' }, finished: true }));
    await recordResponse(t.db.kysely, input(project.id, { id, answers: { nps: 3 } }));
    const timeline = await listCaseEvents(t.db.kysely, caseId);
    expect(timeline.map((event) => event.type)).toEqual(['opened', 'answer_updated']);
    // Which questions, never what the customer wrote.
    expect(timeline[1]).toMatchObject({ actor: { kind: 'customer' }, before: null, after: { questionIds: ['comment'] } });
    // A changed answer is a change too.
    await recordResponse(t.db.kysely, input(project.id, { id, answers: { comment: 'Slow delivery, and the box was open' } }));
    expect((await listCaseEvents(t.db.kysely, caseId)).map((event) => event.type)).toEqual(['opened', 'answer_updated', 'answer_updated']);
  });

  it('keeps one case when the steps of an answer land in one batch (one transaction), the comment on it', async () => {
    const { project } = await seedProject(t.db);
    const id = randomUUID();
    const [first, second, retry] = await withTransaction(t.db.kysely, async (trx) => [
      await recordResponse(trx, input(project.id, { id })),
      await recordResponse(trx, input(project.id, { id, answers: { comment: 'Slow delivery' }, finished: true })),
      await recordResponse(trx, input(project.id, { id, answers: { nps: 3 } })),
    ]);
    expect(first).toMatchObject({ outcome: 'created', followUpId: expect.any(String) });
    const caseId = first?.outcome === 'created' ? first.followUpId : null;
    expect([second, retry]).toEqual([
      { outcome: 'merged', id, followUpId: caseId },
      { outcome: 'merged', id, followUpId: caseId },
    ]);
    const { data } = await listCases(t.db.kysely, project.id, { limit: 10, q: 'slow delivery' });
    expect(data.map((c) => c.id)).toEqual([caseId]);
    // The comment's event follows the opening ones, though those waited for the commit (PostgreSQL).
    expect((await listCaseEvents(t.db.kysely, caseId!)).map((event) => event.type)).toEqual(['opened', 'answer_updated']);
    expect((await listCases(t.db.kysely, project.id, { limit: 10 })).data).toHaveLength(1);
  });

  describe('the notices of a new case (webhooks, Slack, staff mail)', () => {
    // This process built no job runner, so it cannot tell whether the server mails staff: each new case queues the
    // staff mail's fan-out under `case:<id>:opened`, held or due like every delivery of the case's opening.
    const noticeOf = (caseId: string) => findJobByKey(t.db.kysely, `case:${caseId}:opened`);
    const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000).toISOString();
    const caseOf = (result: Awaited<ReturnType<typeof recordResponse>>) => (result.outcome === 'created' || result.outcome === 'merged' ? result.followUpId! : '');

    it('wait while the customer may still write the comment, and are due the moment it comes', async () => {
      const { project } = await seedProject(t.db);
      const id = randomUUID();
      const caseId = caseOf(await recordResponse(t.db.kysely, input(project.id, { id })));
      expect(await noticeOf(caseId)).toMatchObject({ status: 'pending', runAt: at(60) });
      // A step without the comment (the visitor identified mid-survey) keeps them waiting.
      await recordResponse(t.db.kysely, input(project.id, { id, answers: { nps: 3 }, respondent: { userId: 'u-1', anonymousId: 'anon-1', verified: true }, receivedAt: at(10) }));
      expect(await noticeOf(caseId)).toMatchObject({ status: 'pending', runAt: at(60) });
      // The comment, 20 s after the score (not the last step: a contact question may follow).
      await recordResponse(t.db.kysely, input(project.id, { id, answers: { comment: 'Slow delivery' }, receivedAt: at(20) }));
      expect(await noticeOf(caseId)).toMatchObject({ status: 'pending', runAt: at(20) });
    });

    it('wait for the contact step too, when the survey has one: the comment alone does not end the wait', async () => {
      const { project } = await seedProject(t.db);
      const contactStep = { id: 'contact', type: 'contact', prompt: 'May we contact you about this?' };
      await upsertSurvey(t.db.kysely, project.id, SurveyDefinition.parse({ ...npsSurvey, id: 'with-contact', questions: [...npsSurvey.questions, contactStep] }), NOW);
      const id = randomUUID();
      const caseId = caseOf(await recordResponse(t.db.kysely, input(project.id, { id, surveyId: 'with-contact' })));
      await recordResponse(t.db.kysely, input(project.id, { id, surveyId: 'with-contact', answers: { comment: 'Slow delivery' }, receivedAt: at(10) }));
      expect(await noticeOf(caseId)).toMatchObject({ status: 'pending', runAt: at(60) });
      const contact = { consent: true, channel: 'email', address: 'jane@shop.example' } as const;
      await recordResponse(t.db.kysely, input(project.id, { id, surveyId: 'with-contact', answers: { contact }, receivedAt: at(25) }));
      expect(await noticeOf(caseId)).toMatchObject({ status: 'pending', runAt: at(25) });

      // A visitor the widget does not ask (a verified email is known) finishes after the comment: that ends it too.
      const other = randomUUID();
      const otherCase = caseOf(await recordResponse(t.db.kysely, input(project.id, { id: other, surveyId: 'with-contact' })));
      await recordResponse(t.db.kysely, input(project.id, { id: other, surveyId: 'with-contact', answers: { comment: 'Slow' }, finished: true, receivedAt: at(5) }));
      expect(await noticeOf(otherCase)).toMatchObject({ runAt: at(5) });
    });

    it('go at once when nothing more is coming: a finished answer, a survey without a text question', async () => {
      const { project } = await seedProject(t.db);
      const finished = caseOf(await recordResponse(t.db.kysely, input(project.id, { finished: true })));
      expect(await noticeOf(finished)).toMatchObject({ runAt: at(0) });
      const withComment = caseOf(await recordResponse(t.db.kysely, input(project.id, { answers: { nps: 2, comment: 'Slow' } })));
      expect(await noticeOf(withComment)).toMatchObject({ runAt: at(0) });
      await upsertSurvey(t.db.kysely, project.id, SurveyDefinition.parse({ ...npsSurvey, id: 'score-only', questions: [npsSurvey.questions[0]] }), NOW);
      const scoreOnly = caseOf(await recordResponse(t.db.kysely, input(project.id, { surveyId: 'score-only' })));
      expect(await noticeOf(scoreOnly)).toMatchObject({ runAt: at(0) });
    });

    it('wait a minute at most: a customer who stops after the score, or writes later, changes nothing', async () => {
      const { project } = await seedProject(t.db);
      const id = randomUUID();
      const caseId = caseOf(await recordResponse(t.db.kysely, input(project.id, { id })));
      await recordResponse(t.db.kysely, input(project.id, { id, answers: { comment: 'Slow delivery' }, finished: true, receivedAt: at(90) }));
      expect(await noticeOf(caseId)).toMatchObject({ runAt: at(60) });
    });

    it('go when the customer closes the survey without the comment, and the response stays unfinished', async () => {
      const { project } = await seedProject(t.db);
      const id = randomUUID();
      const caseId = caseOf(await recordResponse(t.db.kysely, input(project.id, { id })));
      expect(await noticeOf(caseId)).toMatchObject({ runAt: at(60) });
      // dismiss() sends what was answered once more, marked closed: nothing new, and nothing more is coming.
      await recordResponse(t.db.kysely, input(project.id, { id, closed: true, receivedAt: at(4) }));
      expect(await noticeOf(caseId)).toMatchObject({ runAt: at(4) });
      const [stored] = (await listResponses(t.db.kysely, project.id, { limit: 1 })).data;
      expect(stored).toMatchObject({ id, finished: false, answers: { nps: 3 } });

      // Closed with the score, in one step (its earlier steps lost or late): told at once.
      const closedAtOnce = caseOf(await recordResponse(t.db.kysely, input(project.id, { closed: true })));
      expect(await noticeOf(closedAtOnce)).toMatchObject({ runAt: at(0) });
    });

    it('stay told of when a step comes after all (a page back from the back/forward cache): it is on the case as more from the customer', async () => {
      const { project } = await seedProject(t.db);
      const id = randomUUID();
      const caseId = caseOf(await recordResponse(t.db.kysely, input(project.id, { id })));
      // The page went away with the survey at its comment step: the score again, marked closed.
      await recordResponse(t.db.kysely, input(project.id, { id, closed: true, receivedAt: at(5) }));
      expect(await noticeOf(caseId)).toMatchObject({ runAt: at(5) });
      // The visitor came back to the page and wrote the comment after all.
      await recordResponse(t.db.kysely, input(project.id, { id, answers: { comment: 'Slow delivery' }, receivedAt: at(30) }));
      expect(await noticeOf(caseId)).toMatchObject({ runAt: at(5) });
      expect((await listCaseEvents(t.db.kysely, caseId)).map((event) => event.type)).toEqual(['opened', 'answer_updated']);
      const [stored] = (await listResponses(t.db.kysely, project.id, { limit: 1 })).data;
      expect(stored).toMatchObject({ id, finished: false, answers: { nps: 3, comment: 'Slow delivery' } });
    });

    it("wait as long as the project's settings say, and not at all when they say 0", async () => {
      const { project } = await seedProject(t.db);
      const waitFor = async (commentWaitSeconds: number) => {
        await saveProjectSettings(t.db.kysely, project.id, ProjectSettings.parse({ commentWaitSeconds }));
        return noticeOf(caseOf(await recordResponse(t.db.kysely, input(project.id))));
      };
      expect(await waitFor(300)).toMatchObject({ runAt: at(300) });
      expect(await waitFor(0)).toMatchObject({ runAt: at(0) });
    });

    it('are due at once when the score and the comment land in one batch', async () => {
      const { project } = await seedProject(t.db);
      const id = randomUUID();
      const [first] = await withTransaction(t.db.kysely, async (trx) => [
        await recordResponse(trx, input(project.id, { id })),
        await recordResponse(trx, input(project.id, { id, answers: { comment: 'Slow delivery' }, finished: true, receivedAt: at(1) })),
      ]);
      expect(await noticeOf(caseOf(first!))).toMatchObject({ runAt: at(1) });
    });
  });

  it('opens the case when a later step brings the negative answer', async () => {
    const { project } = await seedProject(t.db);
    const id = randomUUID();
    expect(await recordResponse(t.db.kysely, input(project.id, { id, answers: { comment: 'hm' } }))).toMatchObject({ followUpId: null });
    const merged = await recordResponse(t.db.kysely, input(project.id, { id, answers: { nps: 1 } }));
    expect(merged).toMatchObject({ outcome: 'merged', followUpId: expect.any(String) });
  });

  it('upgrades the identity when a later step is identified', async () => {
    const { project } = await seedProject(t.db);
    const id = randomUUID();
    await recordResponse(t.db.kysely, input(project.id, { id }));
    await recordResponse(t.db.kysely, 
      input(project.id, { id, answers: { comment: 'x' }, respondent: { anonymousId: 'anon-1', userId: 'u-1', verified: true } }),
    );
    const [stored] = (await listResponses(t.db.kysely, project.id, { limit: 1 })).data;
    expect(stored?.respondent).toEqual({ anonymousId: 'anon-1', userId: 'u-1', verified: true });
  });

  it('refuses an id that belongs to another project or survey, writing nothing', async () => {
    const { project } = await seedProject(t.db);
    const other = await seedProject(t.db, 'other');
    const id = randomUUID();
    await recordResponse(t.db.kysely, input(project.id, { id, answers: { nps: 9 } }));
    expect(await recordResponse(t.db.kysely, input(other.project.id, { id }))).toEqual({ outcome: 'conflict' });
    await upsertSurvey(t.db.kysely, project.id, SurveyDefinition.parse({ ...npsSurvey, id: 'csat' }), NOW);
    expect(await recordResponse(t.db.kysely, input(project.id, { id, surveyId: 'csat' }))).toEqual({ outcome: 'conflict' });
    expect((await listResponses(t.db.kysely, project.id, { limit: 10 })).data[0]?.answers).toEqual({ nps: 9 });
    expect((await listCases(t.db.kysely, project.id, { limit: 10 })).data).toEqual([]);
  });

  it('opens exactly one case when the same response is posted many times at once', async () => {
    const { project } = await seedProject(t.db);
    const id = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        recordResponse(t.db.kysely, input(project.id, { id, answers: i % 2 ? { nps: 2 } : { nps: 2, comment: 'late' } })),
      ),
    );
    expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
    const caseIds = new Set(results.map((r) => ('followUpId' in r ? r.followUpId : r.outcome)));
    expect(caseIds.size).toBe(1);
    expect([...caseIds][0]).toEqual(expect.any(String));
    expect((await listCases(t.db.kysely, project.id, { limit: 50 })).data).toHaveLength(1);
    expect((await listResponses(t.db.kysely, project.id, { limit: 50 })).data).toHaveLength(1);
  });

  it('pages responses newest first, filtered by survey, and scoped to the project', async () => {
    const { project } = await seedProject(t.db);
    const other = await seedProject(t.db, 'other');
    await recordResponse(t.db.kysely, input(other.project.id));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = randomUUID();
      ids.push(id);
      // Two share a timestamp, so the id tie-break is exercised.
      const at = new Date(NOW.getTime() + Math.min(i, 3) * 1000).toISOString();
      await recordResponse(t.db.kysely, input(project.id, { id, receivedAt: at, answers: { nps: 9 } }));
    }
    const first = await listResponses(t.db.kysely, project.id, { limit: 2 });
    const second = await listResponses(t.db.kysely, project.id, { limit: 2, after: first.next ?? undefined });
    const third = await listResponses(t.db.kysely, project.id, { limit: 2, after: second.next ?? undefined });
    const seen = [...first.data, ...second.data, ...third.data];
    expect(seen.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(third.next).toBeNull();
    const receivedAts = seen.map((r) => r.receivedAt);
    expect(receivedAts).toEqual([...receivedAts].sort().reverse());

    expect((await listResponses(t.db.kysely, project.id, { limit: 10, surveyId: 'other' })).data).toEqual([]);
    expect((await listResponses(t.db.kysely, project.id, { limit: 10, surveyId: 'nps' })).data).toHaveLength(5);
  });

  it('pages follow-ups in queue order (same priority: soonest due first) and filters them by status', async () => {
    const { project } = await seedProject(t.db);
    for (const i of [1, 0, 2]) {
      const at = new Date(NOW.getTime() - i * 1000).toISOString();
      await recordResponse(t.db.kysely, input(project.id, { answeredAt: at, receivedAt: at }));
    }
    const first = await listCases(t.db.kysely, project.id, { limit: 2 });
    expect(first.data.map((f) => f.dueAt)).toEqual(['2026-11-25T09:59:58.000Z', '2026-11-25T09:59:59.000Z']);
    const second = await listCases(t.db.kysely, project.id, { limit: 2, after: first.next ?? undefined });
    expect(second.data.map((f) => f.dueAt)).toEqual(['2026-11-25T10:00:00.000Z']);
    expect(second.next).toBeNull();
    expect((await listCases(t.db.kysely, project.id, { limit: 10, status: 'open' })).data).toHaveLength(3);
    expect((await listCases(t.db.kysely, project.id, { limit: 10, status: 'closed' })).data).toHaveLength(0);
  });
});
