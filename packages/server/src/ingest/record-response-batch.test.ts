import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { resolveCase } from '../cases/resolve-case.js';
import { SYSTEM_ACTOR } from '../cases/system-actor.js';
import { createGroupCommit } from '../db/group-commit.js';
import { listCases } from '../repos/cases.js';
import { listResponses } from '../repos/responses.js';
import { NOW, responseStep, seedProject } from '../testing/fixtures.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { recordResponse, recordResponseInBatch } from './record-response.js';
import type { RecordResponseInput } from './record-response.js';

describe.each(testDialects)('a batch of answers recorded in one transaction (group commit) on $name', ({ open }) => {
  const t = useTestDb(open);
  const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();

  /** A step from a browser of its own, received two hours after NOW (the batch's time). */
  const step = (projectId: string, overrides: Partial<RecordResponseInput> = {}) =>
    responseStep(projectId, { respondent: { anonymousId: randomUUID(), verified: false }, answeredAt: at(2), receivedAt: at(2), ...overrides });

  it('inserts them together and records each as if alone: steps of one answer, repeats, a recovery, refusals', async () => {
    const { project } = await seedProject(t.db);
    // A customer whose case was resolved: their next NPS answer, in the batch, measures it.
    const returning = { anonymousId: 'returning-customer', verified: false };
    const earlier = await recordResponse(t.db.kysely, step(project.id, { respondent: returning, receivedAt: at(0), answeredAt: at(0) }));
    const resolvedCaseId = earlier.outcome === 'created' ? earlier.followUpId! : '';
    expect((await resolveCase(t.db.kysely, { projectId: project.id, caseId: resolvedCaseId, resolution: { resolution: 'fixed', summary: 'Refunded' }, version: undefined, actor: SYSTEM_ACTOR, now: new Date(at(1)) })).outcome).toBe('changed');
    // An answer already stored, posted again (a retry after a lost reply).
    const stored = step(project.id, { answers: { nps: 10 } });
    await recordResponse(t.db.kysely, stored);

    const detractor = step(project.id);
    const steps = [
      detractor,
      { ...detractor, answers: { comment: 'Parcel came late' }, finished: true },
      step(project.id, { answers: { nps: 9 }, respondent: returning }),
      stored,
      step(project.id, { answers: { nps: 11 } }),
      step(project.id, { surveyId: 'gone' }),
      step(project.id, { answers: { nps: 10 } }),
    ];
    const group = createGroupCommit(t.db.kysely, { dialect: t.db.dialect });
    // Handed in in one turn: one batch, one transaction.
    const results = await Promise.all(
      steps.map((input) => {
        const { work, ahead } = recordResponseInBatch(input);
        return group.run(work, ahead);
      }),
    );

    const [opened, comment, recovery, repeat, invalid, gone, promoter] = results;
    expect(opened).toMatchObject({ outcome: 'created', followUpId: expect.any(String) });
    const caseId = opened?.outcome === 'created' ? opened.followUpId : null;
    expect(comment).toEqual({ outcome: 'merged', id: detractor.id, followUpId: caseId });
    expect(recovery).toMatchObject({ outcome: 'created', followUpId: null });
    expect(repeat).toEqual({ outcome: 'merged', id: stored.id, followUpId: null });
    expect(invalid).toMatchObject({ outcome: 'invalid_answers', issues: [{ path: 'answers.nps' }] });
    expect(gone).toEqual({ outcome: 'survey_not_found' });
    expect(promoter).toMatchObject({ outcome: 'created', followUpId: null });

    const responses = (await listResponses(t.db.kysely, project.id, { limit: 20 })).data;
    expect(responses).toHaveLength(5);
    expect(responses.find((r) => r.id === detractor.id)).toMatchObject({ answers: { nps: 3, comment: 'Parcel came late' }, finished: true });
    const cases = (await listCases(t.db.kysely, project.id, { limit: 20 })).data;
    expect(cases.map((c) => c.id).sort()).toEqual([caseId, resolvedCaseId].sort());
    const recoveryRow = await t.db.kysely.selectFrom('follow_ups').select(['recovery_response_id', 'recovery_score']).where('id', '=', resolvedCaseId).executeTakeFirstOrThrow();
    expect(recoveryRow).toEqual({ recovery_response_id: steps[2]!.id, recovery_score: 9 });
  });

  it('a unit that throws is recorded alone, and the others of its batch still commit', async () => {
    const { project } = await seedProject(t.db);
    const group = createGroupCommit(t.db.kysely, { dialect: t.db.dialect });
    const good = step(project.id, { answers: { nps: 10 } });
    const { work, ahead } = recordResponseInBatch(good);
    const results = await Promise.allSettled([
      group.run(work, ahead),
      group.run(async () => {
        throw new Error('this unit fails');
      }),
    ]);
    expect(results[0]).toMatchObject({ status: 'fulfilled', value: { outcome: 'created' } });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: new Error('this unit fails') });
    expect((await listResponses(t.db.kysely, project.id, { limit: 20 })).data.map((r) => r.id)).toEqual([good.id]);
  });
});
