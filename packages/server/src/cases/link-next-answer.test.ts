import { describe, expect, it } from 'vitest';
import { recordResponse } from '../ingest/record-response.js';
import type { RecordResponseInput } from '../ingest/record-response.js';
import { listCaseEvents } from '../repos/case-events.js';
import { NOW, responseStep, seedProject } from '../testing/fixtures.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import type { Conn } from '../db/db.js';
import { SYSTEM_ACTOR } from './system-actor.js';
import { resolveCase } from './resolve-case.js';
import { updateCase } from './update-case.js';

const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000).toISOString();

describe.each(testDialects)('the next NPS answer after a resolved case, on $name', ({ open }) => {
  const t = useTestDb(open);

  async function answer(projectId: string, at: string, overrides: Partial<RecordResponseInput> = {}) {
    const input = responseStep(projectId, { answeredAt: at, receivedAt: at, ...overrides });
    const result = await recordResponse(t.db.kysely, input);
    if (result.outcome !== 'created' && result.outcome !== 'merged') throw new Error(`not recorded: ${result.outcome}`);
    return { responseId: input.id, caseId: result.followUpId };
  }

  async function resolve(projectId: string, caseId: string | null, at: string) {
    if (caseId === null) throw new Error('no case');
    const result = await resolveCase(t.db.kysely, { projectId, caseId, resolution: { resolution: 'fixed', summary: 'Sent the parcel again' }, version: undefined, actor: SYSTEM_ACTOR, now: new Date(at) });
    expect(result.outcome).toBe('changed');
    return caseId;
  }

  async function recovery(conn: Conn, caseId: string) {
    const row = await conn.selectFrom('follow_ups').select(['recovery_response_id', 'recovery_score']).where('id', '=', caseId).executeTakeFirstOrThrow();
    const events = (await listCaseEvents(conn, caseId)).filter((e) => e.type === 'next_answer');
    return { responseId: row.recovery_response_id, score: row.recovery_score, events };
  }

  it('links the answer to the newest resolved case of the customer, once, with a next_answer event', async () => {
    const { project } = await seedProject(t.db);
    // Two cases both open (the second answer finds no resolved case to measure), then both resolved.
    const first = await answer(project.id, hours(0));
    const second = await answer(project.id, hours(2));
    const older = await resolve(project.id, first.caseId, hours(3));
    const newer = await resolve(project.id, second.caseId, hours(3));
    // Another browser's resolved case is someone else's.
    await resolve(project.id, (await answer(project.id, hours(2), { respondent: { anonymousId: 'anon-2', verified: false } })).caseId, hours(3));

    const next = await answer(project.id, hours(5), { answers: { nps: 9 } });
    expect(await recovery(t.db.kysely, newer)).toEqual({
      responseId: next.responseId,
      score: 9,
      events: [expect.objectContaining({ type: 'next_answer', actor: { kind: 'system' }, at: hours(5), after: { responseId: next.responseId, score: 9 } })],
    });
    expect(await recovery(t.db.kysely, older)).toEqual({ responseId: null, score: null, events: [] });

    // A later step of the same response (the comment) links nothing more.
    await answer(project.id, hours(5.1), { id: next.responseId, answers: { comment: 'Much better now' } });
    expect((await recovery(t.db.kysely, newer)).events).toHaveLength(1);
    expect((await recovery(t.db.kysely, older)).responseId).toBeNull();

    // The customer's following answer measures the older case, the newest one still unlinked.
    const after = await answer(project.id, hours(6), { answers: { nps: 5 } });
    expect(await recovery(t.db.kysely, older)).toMatchObject({ responseId: after.responseId, score: 5 });
  });

  it('links only resolved or closed cases opened earlier, never the case the answer opened itself', async () => {
    const { project } = await seedProject(t.db);
    const stillOpen = await answer(project.id, hours(0));
    // A detractor again: it opens its own case, and the open one is not a recovery yet.
    const again = await answer(project.id, hours(1), { answers: { nps: 2 } });
    expect(again.caseId).not.toBeNull();
    expect((await recovery(t.db.kysely, stillOpen.caseId!)).responseId).toBeNull();
    expect((await recovery(t.db.kysely, again.caseId!)).responseId).toBeNull();

    // Resolved, then the same response goes on (a retry of its first step): it opened that case, so it is no next answer.
    await resolve(project.id, again.caseId, hours(2));
    await answer(project.id, hours(3), { id: again.responseId, answers: { nps: 2, comment: 'still slow' } });
    expect((await recovery(t.db.kysely, again.caseId!)).responseId).toBeNull();

    // A reopened case is not resolved any more.
    await updateCase(t.db.kysely, { projectId: project.id, caseId: again.caseId!, patch: { status: 'open' }, version: 2, actor: SYSTEM_ACTOR, now: new Date(hours(4)) });
    await answer(project.id, hours(5), { answers: { nps: 8 } });
    expect((await recovery(t.db.kysely, again.caseId!)).responseId).toBeNull();
  });

  it('links on the later step that brings the NPS score, and matches a verified user across browsers', async () => {
    const { project } = await seedProject(t.db);
    const user = { anonymousId: 'laptop', userId: 'u-42', verified: true };
    const resolved = await resolve(project.id, (await answer(project.id, hours(0), { respondent: user })).caseId, hours(1));

    // Step one of the next response has only the comment; its second step carries the score.
    const next = await answer(project.id, hours(2), { answers: { comment: 'Thanks for the refund' }, respondent: { ...user, anonymousId: 'phone' } });
    expect((await recovery(t.db.kysely, resolved)).responseId).toBeNull();
    await answer(project.id, hours(2.1), { id: next.responseId, answers: { nps: 10 }, respondent: { ...user, anonymousId: 'phone' } });
    expect(await recovery(t.db.kysely, resolved)).toMatchObject({ responseId: next.responseId, score: 10, events: [expect.objectContaining({ at: hours(2.1) })] });

    // An unverified claim of the same user id is not that customer.
    const other = await resolve(project.id, (await answer(project.id, hours(3), { respondent: user })).caseId, hours(4));
    await answer(project.id, hours(5), { answers: { nps: 9 }, respondent: { anonymousId: 'stranger', userId: 'u-42', verified: false } });
    expect((await recovery(t.db.kysely, other)).responseId).toBeNull();
    // The same user, verified, on yet another browser, whose first step brings the score.
    const tablet = await answer(project.id, hours(6), { answers: { nps: 8 }, respondent: { ...user, anonymousId: 'tablet' } });
    expect(await recovery(t.db.kysely, other)).toMatchObject({ responseId: tablet.responseId, score: 8 });
  });
});
