import { signIdentity } from '@closeloop/sdk/node';
import type { RoutingRuleInput } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { caseRequests } from '../testing/case-requests.js';
import type { submission } from '../testing/fixtures.js';
import { NOW, npsSurvey } from '../testing/fixtures.js';
import { useTestApp } from '../testing/test-app.js';
import { testDialects } from '../testing/test-dbs.js';

describe.each(testDialects)('routing, priority and due time of new cases on $name', ({ open }) => {
  const t = useTestApp({}, open);
  const api = caseRequests(t);

  async function routeSurvey(routing: RoutingRuleInput[], extra: Record<string, unknown> = {}) {
    const res = await api.send('PUT', '/api/v1/surveys/nps', { ...npsSurvey, followUp: { routing, ...extra } });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  async function settings(patch: Record<string, unknown>) {
    const res = await api.send('PATCH', '/api/v1/settings', patch);
    expect(res.status, await res.clone().text()).toBe(200);
  }
  /** A team of Ann, Bo (away) and Cy, in that order. */
  async function careTeam() {
    const [ann, bo, cy] = [await api.createMember('Ann'), await api.createMember('Bo', { away: true }), await api.createMember('Cy')];
    const team = await api.createTeam('Customer care', [ann.id, bo.id, cy.id]);
    return { ann, bo, cy, team };
  }
  const page = (path: string) => ({ context: { url: `https://shop.example${path}` } });

  it('a team takes turns among its members who are not away, and the timeline says the system assigned it', async () => {
    const { ann, cy, team } = await careTeam();
    await routeSurvey([{ to: { teamId: team.id } }]);
    const ids = [await api.openSurveyCase(), await api.openSurveyCase(), await api.openSurveyCase()];
    const cases = await Promise.all(ids.map((id) => api.detail(id)));
    expect(cases.map((c) => [c.case.teamId, c.case.assigneeId])).toEqual([
      [team.id, ann.id],
      [team.id, cy.id],
      [team.id, ann.id],
    ]);
    const { timeline, case: first } = cases[0]!;
    expect(first.version).toBe(1);
    expect(timeline.map(({ type, actor, before, after }) => ({ type, actor, before, after }))).toEqual([
      expect.objectContaining({ type: 'opened', actor: { kind: 'system' } }),
      { type: 'assigned', actor: { kind: 'system' }, before: { assigneeId: null, teamId: null }, after: { assigneeId: ann.id, teamId: team.id, routed: true } },
    ]);
    // Staff may be mailed of the new case (this process cannot tell whether the server sends email): one fan-out for
    // the opening alone, as the assignment is news for webhooks only (notify-case.test.ts has its key).
    const fanOut = await t.db.kysely.selectFrom('jobs').select(['kind', 'payload']).where('key', '=', `case:${ids[0]}:opened`).executeTakeFirstOrThrow();
    expect(fanOut.kind).toBe('notify-case');
    expect(JSON.parse(fanOut.payload)).toEqual({ caseId: ids[0], event: 'follow_up.opened', occurredAt: expect.any(String), emailOnly: true });
  });

  it('with every member away the case waits in the team queue unassigned; an away member named by a rule is not given it', async () => {
    const bo = await api.createMember('Bo', { away: true });
    const team = await api.createTeam('Night shift', [bo.id]);
    await routeSurvey([{ if: { answer: { question: 'nps', op: 'lte', value: 2 } }, to: { memberId: bo.id } }, { to: { teamId: team.id } }]);
    const queued = (await api.detail(await api.openSurveyCase({ answers: { nps: 5 } }))).case;
    expect([queued.teamId, queued.assigneeId]).toEqual([team.id, null]);
    const direct = await api.detail(await api.openSurveyCase({ answers: { nps: 1 } }));
    expect([direct.case.teamId, direct.case.assigneeId]).toEqual([null, null]);
    expect(direct.timeline.map((e) => e.type)).toEqual(['opened']);
  });

  it('tries the rules in order by page URL, answer and attribute; the first that holds wins; none leaves the case unassigned', async () => {
    const { ann, cy, team } = await careTeam();
    const vip = await api.createMember('Vera');
    await routeSurvey([
      { if: { attribute: { name: 'plan', op: 'eq', value: 'enterprise' } }, to: { memberId: vip.id } },
      { if: { answer: { question: 'nps', op: 'lte', value: 2 } }, to: { memberId: cy.id } },
      { if: { url: { rules: [{ op: 'glob', value: '/checkout/**' }] } }, to: { teamId: team.id } },
    ]);
    const routed = async (overrides: Parameters<typeof submission>[0]) => (await api.detail(await api.openSurveyCase(overrides))).case.assigneeId;
    expect(await routed({ ...page('/checkout/pay'), answers: { nps: 1 }, respondent: { anonymousId: 'a', attributes: { plan: 'enterprise' } } })).toBe(vip.id);
    expect(await routed({ ...page('/checkout/pay'), answers: { nps: 1 } })).toBe(cy.id);
    expect(await routed({ ...page('/checkout/pay'), answers: { nps: 5 } })).toBe(ann.id);
    const unrouted = await api.detail(await api.openSurveyCase({ ...page('/account'), answers: { nps: 5 } }));
    expect([unrouted.case.assigneeId, unrouted.case.teamId]).toEqual([null, null]);
    expect(unrouted.timeline.map((e) => e.type)).toEqual(['opened']);
  });

  it('routes feedback-button problems by the project’s feedback rules', async () => {
    const { ann, team } = await careTeam();
    await settings({ feedbackRouting: [{ if: { url: { rules: [{ op: 'starts-with', value: '/checkout' }] } }, to: { teamId: team.id } }] });
    const routed = (await api.detail(await api.openFeedbackCase(page('/checkout')))).case;
    expect([routed.teamId, routed.assigneeId]).toEqual([team.id, ann.id]);
    const other = (await api.detail(await api.openFeedbackCase(page('/blog')))).case;
    expect([other.teamId, other.assigneeId]).toEqual([null, null]);
  });

  it('puts high-value detractors first: the score, raised by the verified customer’s value tier', async () => {
    await settings({ customerValue: { attribute: 'mrr', tiers: [{ min: 1000, priority: 'urgent' }] } });
    const verified = (mrr: number) => ({ anonymousId: 'a', userId: 'u-1', signature: signIdentity('shop-identity', 'u-1'), attributes: { mrr } });
    const priority = async (overrides: Parameters<typeof submission>[0]) => (await api.detail(await api.openSurveyCase(overrides))).case.priority;
    expect(await priority({ answers: { nps: 5 } })).toBe('normal');
    expect(await priority({ answers: { nps: 2 } })).toBe('high');
    expect(await priority({ answers: { nps: 5 }, respondent: verified(5000) })).toBe('urgent');
    expect(await priority({ answers: { nps: 5 }, respondent: verified(10) })).toBe('normal');
    // Anyone can claim an attribute in the browser; only a signed identity's value counts.
    expect(await priority({ answers: { nps: 5 }, respondent: { anonymousId: 'b', attributes: { mrr: 5000 } } })).toBe('normal');
    const list = (await (await api.send('GET', '/api/v1/follow-ups')).json()) as { data: { priority: string }[] };
    expect(list.data.map((c) => c.priority)).toEqual(['urgent', 'high', 'normal', 'normal', 'normal']);
  });

  it('is due dueIn hours after the answer, counted in business hours when the project has them', async () => {
    await routeSurvey([], { dueIn: 4 });
    expect((await api.detail(await api.openSurveyCase())).case.dueAt).toBe(new Date(NOW.getTime() + 4 * 3600_000).toISOString());
    // NOW is Monday 11:00 in Stockholm; 4 business hours of 09:00–12:00 run to Tuesday 12:00 (11:00Z).
    await settings({ businessHours: { timeZone: 'Europe/Stockholm', days: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' } });
    expect((await api.detail(await api.openSurveyCase())).case.dueAt).toBe('2026-11-24T11:00:00.000Z');
  });

  // On PostgreSQL the opens run on pooled connections at once; the team row's lock makes them take turns.
  it('cases opened at once for one team take turns: two members, ten cases, five each', async () => {
    const { ann, cy, team } = await careTeam();
    await routeSurvey([{ to: { teamId: team.id } }]);
    const ids = await Promise.all(Array.from({ length: 10 }, () => api.openSurveyCase()));
    const assignees = await Promise.all(ids.map(async (id) => (await api.detail(id)).case.assigneeId));
    expect(assignees.filter((id) => id === ann.id)).toHaveLength(5);
    expect(assignees.filter((id) => id === cy.id)).toHaveLength(5);
  });
});
