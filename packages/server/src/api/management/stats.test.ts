import { randomUUID } from 'node:crypto';
import { FollowUpStats } from '@closeloop/sdk/schemas';
import type { FollowUpFigures } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { addNote } from '../../cases/add-note.js';
import { resolveCase } from '../../cases/resolve-case.js';
import { SYSTEM_ACTOR } from '../../cases/system-actor.js';
import { updateCase } from '../../cases/update-case.js';
import { recordResponse } from '../../ingest/record-response.js';
import { NOW } from '../../testing/fixtures.js';
import { caseRequests } from '../../testing/case-requests.js';
import { useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';

const HOUR = 3_600_000;
/** The history starts ten days before the pinned clock: `at(n)` is n hours after. */
const START = NOW.getTime() - 240 * HOUR;
const at = (hours: number) => new Date(START + hours * HOUR).toISOString();

const empty: FollowUpFigures = {
  opened: 0,
  contactedWithinSla: null,
  medianFirstContactMs: null,
  medianResolutionMs: null,
  slaBreaches: 0,
  recoveryRate: null,
  rootCauses: [],
  nextLoop: { followedUp: { customers: 0, answeredAgain: 0, rate: null }, notFollowedUp: { customers: 0, answeredAgain: 0, rate: null } },
};

describe.each(testDialects)('GET /api/v1/stats/follow-ups on $name', ({ open }) => {
  const t = useTestApp({}, open);
  const api = caseRequests(t);

  /** An NPS answer from a browser at a time; resolves to the case it opened, if any. */
  async function answer(anonymousId: string, score: number, hours: number): Promise<string | null> {
    const result = await recordResponse(t.db.kysely, {
      projectId: t.shop.project.id,
      surveyId: 'nps',
      id: randomUUID(),
      answers: { nps: score },
      finished: true,
      respondent: { anonymousId, verified: false },
      context: { url: 'https://shop.example/' },
      answeredAt: at(hours),
      receivedAt: at(hours),
    });
    if (result.outcome !== 'created') throw new Error(result.outcome);
    return result.followUpId;
  }

  async function opened(anonymousId: string, score: number, hours: number): Promise<string> {
    const id = await answer(anonymousId, score, hours);
    if (id === null) throw new Error('no case opened');
    return id;
  }

  const projectId = () => t.shop.project.id;
  const assign = (caseId: string, teamId: string, assigneeId: string, hours: number) =>
    updateCase(t.db.kysely, { projectId: projectId(), caseId, patch: { teamId, assigneeId }, version: 1, actor: SYSTEM_ACTOR, now: new Date(at(hours)) });
  const contact = (caseId: string, hours: number) =>
    addNote(t.db.kysely, { projectId: projectId(), caseId, note: { body: 'Called the customer', kind: 'contact' }, version: undefined, actor: SYSTEM_ACTOR, now: new Date(at(hours)) });
  const resolve = (caseId: string, rootCause: string, hours: number) =>
    resolveCase(t.db.kysely, { projectId: projectId(), caseId, resolution: { resolution: 'fixed', summary: 'Sorted out', rootCause }, version: undefined, actor: SYSTEM_ACTOR, now: new Date(at(hours)) });

  async function stats(query: string): Promise<FollowUpStats> {
    const res = await api.send('GET', `/api/v1/stats/follow-ups${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return FollowUpStats.parse(await res.json());
  }

  it('reports a scripted history figure by figure, overall, per team and per member', async () => {
    await api.send('PATCH', '/api/v1/settings', { rootCauses: [{ id: 'delivery', label: 'Late delivery' }, { id: 'pricing', label: 'Pricing' }] });
    const ann = await api.createMember('Ann');
    const bob = await api.createMember('Bob');
    const cy = await api.createMember('Cy');
    const delivery = await api.createTeam('Delivery', [ann.id]);
    const billing = await api.createTeam('Billing', [bob.id]);

    // Every case is due 48 hours after its answer (the survey's default). Now is hour 240.
    // Before the window: not counted anywhere.
    const before = await opened('z', 1, -48);
    await resolve(before, 'pricing', -47);
    // a: contacted at 10 h (in time), resolved at 20 h, answers 9 at 30 h: recovered.
    const a = await opened('a', 2, 0);
    await assign(a, delivery.id, ann.id, 0.5);
    await contact(a, 10);
    await resolve(a, 'delivery', 20);
    expect(await answer('a', 9, 30)).toBeNull();
    // b: contacted at 60 h (due at 49 h), resolved at 70 h (a breach), answers 5 at 80 h: not recovered, and that
    // detractor answer opens case g, unassigned and open past its due time (128 h).
    const b = await opened('b', 4, 1);
    await assign(b, delivery.id, ann.id, 1.5);
    await contact(b, 60);
    await resolve(b, 'delivery', 70);
    await opened('b', 5, 80);
    // c: never contacted, open past due (50 h), never answers again.
    const c = await opened('c', 0, 2);
    await assign(c, billing.id, bob.id, 2.5);
    // d: contacted at 4 h, resolved at 5 h (pricing), never answers again.
    const d = await opened('d', 6, 3);
    await assign(d, billing.id, bob.id, 3.5);
    await contact(d, 4);
    await resolve(d, 'pricing', 5);
    // e: nobody's case, never followed up, open past due (52 h); answers 8 at 100 h (nothing to link: not resolved).
    await opened('e', 3, 4);
    expect(await answer('e', 8, 100)).toBeNull();

    const body = await stats(`?from=${at(-24)}&to=${NOW.toISOString()}`);
    expect(body.from).toBe(at(-24));
    expect(body.to).toBe(NOW.toISOString());
    // Cases a, b, c, d, e, g. First contacts after 10 h, 59 h, 1 h (two before their due time); resolutions after
    // 20 h, 69 h, 2 h; breaches: b (late), c, e, g (open past due); a and b have a next answer, a's is 7 or more.
    // Customers with a detractor answer: a, b, d followed up (a and b answered again); c, e not (e answered again).
    expect(body.overall).toEqual({
      opened: 6,
      contactedWithinSla: 2 / 6,
      medianFirstContactMs: 10 * HOUR,
      medianResolutionMs: 20 * HOUR,
      slaBreaches: 4,
      recoveryRate: 0.5,
      rootCauses: [
        { id: 'delivery', label: 'Late delivery', count: 2 },
        { id: 'pricing', label: 'Pricing', count: 1 },
      ],
      nextLoop: { followedUp: { customers: 3, answeredAgain: 2, rate: 2 / 3 }, notFollowedUp: { customers: 2, answeredAgain: 1, rate: 0.5 } },
    });
    // Delivery (Ann): a and b. b's second case (g) has no team, so only its first answer counts here.
    const deliveryFigures: FollowUpFigures = {
      opened: 2,
      contactedWithinSla: 0.5,
      medianFirstContactMs: 34.5 * HOUR,
      medianResolutionMs: 44.5 * HOUR,
      slaBreaches: 1,
      recoveryRate: 0.5,
      rootCauses: [{ id: 'delivery', label: 'Late delivery', count: 2 }],
      nextLoop: { followedUp: { customers: 2, answeredAgain: 2, rate: 1 }, notFollowedUp: { customers: 0, answeredAgain: 0, rate: null } },
    };
    // Billing (Bob): c and d; no next answer, so no recovery rate.
    const billingFigures: FollowUpFigures = {
      opened: 2,
      contactedWithinSla: 0.5,
      medianFirstContactMs: 1 * HOUR,
      medianResolutionMs: 2 * HOUR,
      slaBreaches: 1,
      recoveryRate: null,
      rootCauses: [{ id: 'pricing', label: 'Pricing', count: 1 }],
      nextLoop: { followedUp: { customers: 1, answeredAgain: 0, rate: 0 }, notFollowedUp: { customers: 1, answeredAgain: 0, rate: 0 } },
    };
    expect(body.teams).toEqual([
      { teamId: billing.id, name: 'Billing', ...billingFigures },
      { teamId: delivery.id, name: 'Delivery', ...deliveryFigures },
    ]);
    expect(body.members).toEqual([
      { memberId: ann.id, name: 'Ann', ...deliveryFigures },
      { memberId: bob.id, name: 'Bob', ...billingFigures },
      { memberId: cy.id, name: 'Cy', ...empty },
    ]);
    // Eleven days make two periods, a week and the four days left; a, b and d were opened in the first.
    expect(body.rootCausesOverTime).toEqual([
      { from: at(-24), to: at(144), rootCauses: body.overall.rootCauses },
      { from: at(144), to: NOW.toISOString(), rootCauses: [] },
    ]);
  });

  it('counts the root causes period by period: a week each, or longer so there are at most six', async () => {
    await api.send('PATCH', '/api/v1/settings', { rootCauses: [{ id: 'delivery', label: 'Late delivery' }, { id: 'pricing', label: 'Pricing' }] });
    await resolve(await opened('p', 2, 0), 'pricing', 5);
    await resolve(await opened('q', 3, 170), 'delivery', 171);
    await resolve(await opened('r', 4, 200), 'delivery', 201);
    await opened('s', 5, 239);
    const delivery = { id: 'delivery', label: 'Late delivery' };
    const pricing = { id: 'pricing', label: 'Pricing' };

    // Ten days: a week (p) and the three days left (q, r; s has no cause yet).
    expect((await stats(`?from=${at(0)}&to=${NOW.toISOString()}`)).rootCausesOverTime).toEqual([
      { from: at(0), to: at(168), rootCauses: [{ ...pricing, count: 1 }] },
      { from: at(168), to: NOW.toISOString(), rootCauses: [{ ...delivery, count: 2 }] },
    ]);
    // Sixty days: six periods of ten days, every one listed; all four cases fall in the last, most frequent first.
    const sixty = await stats(`?from=${at(-1200)}&to=${NOW.toISOString()}`);
    expect(sixty.rootCausesOverTime).toEqual(
      [-1200, -960, -720, -480, -240, 0].map((start) => ({ from: at(start), to: at(start + 240), rootCauses: start === 0 ? [{ ...delivery, count: 2 }, { ...pricing, count: 1 }] : [] })),
    );
  });

  it('defaults to the last 30 days, and an empty window has no shares to report', async () => {
    const body = await stats('');
    const day = (n: number) => new Date(NOW.getTime() - (30 - n) * 24 * HOUR).toISOString();
    // Thirty days: four weeks and the two days left, each listed with no causes.
    const periods = [0, 7, 14, 21, 28].map((n) => ({ from: day(n), to: day(Math.min(30, n + 7)), rootCauses: [] }));
    expect(body).toEqual({ from: day(0), to: NOW.toISOString(), overall: empty, teams: [], members: [], rootCausesOverTime: periods });
    // Dates alone are midnight UTC; a window of exactly 366 days is allowed.
    expect(await stats('?from=2025-11-23&to=2026-11-24')).toMatchObject({ from: '2025-11-23T00:00:00.000Z', to: '2026-11-24T00:00:00.000Z' });
    expect(await stats('?to=2026-11-01T00:00:00Z')).toMatchObject({ from: '2026-10-02T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' });
  });

  it('refuses a window that is not one with a 422 naming the field', async () => {
    const refused = async (query: string) => (await api.refused(api.send('GET', `/api/v1/stats/follow-ups${query}`), 422)).issues;
    expect(await refused('?from=yesterday')).toEqual([{ path: 'from', message: 'must be an ISO 8601 date or date-time' }]);
    expect(await refused('?from=2026-11-20&to=2026-11-20')).toEqual([{ path: 'to', message: 'must come after from (2026-11-20T00:00:00.000Z)' }]);
    expect(await refused('?from=2026-11-21&to=2026-11-20')).toEqual([expect.objectContaining({ path: 'to' })]);
    expect(await refused('?from=2025-11-23&to=2026-11-24T00:00:00.001Z')).toEqual([{ path: 'from', message: 'must be at most 366 days before to (2026-11-24T00:00:00.001Z)' }]);
    expect(await refused('?from=2026-12-01')).toEqual([expect.objectContaining({ path: 'to' })]);
    expect(await refused('?team=x')).toEqual([expect.objectContaining({ path: 'team' })]);
  });
});
