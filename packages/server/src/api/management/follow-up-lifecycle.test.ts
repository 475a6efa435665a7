import { CaseDetail, FollowUpStatus } from '@closeloop/sdk/schemas';
import type { FollowUp } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { NOW } from '../../testing/fixtures.js';
import { caseRequests } from '../../testing/case-requests.js';
import { useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';
import { createProject } from '../../repos/projects.js';

/** The transitions as the product decided them, written out here so the test checks the code, not itself. */
const TRANSITIONS: Record<FollowUpStatus, FollowUpStatus[]> = {
  open: ['in_progress', 'waiting_on_customer', 'resolved'],
  in_progress: ['waiting_on_customer', 'resolved', 'open'],
  waiting_on_customer: ['in_progress', 'resolved'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

const resolution = { resolution: 'explained', summary: 'Told the customer the parcel left the warehouse late' };

describe.each(testDialects)('the case lifecycle through the management API on $name', ({ open }) => {
  const t = useTestApp({}, open);
  const api = caseRequests(t);

  /** A fresh case walked into `status` the way support staff would get it there. */
  async function caseIn(status: FollowUpStatus): Promise<FollowUp> {
    const id = await api.openSurveyCase();
    const path = `/api/v1/follow-ups/${id}`;
    const start = (await api.detail(id)).case;
    switch (status) {
      case 'open':
        return start;
      case 'in_progress':
      case 'waiting_on_customer':
        return api.change('PATCH', path, { status, version: 1 });
      case 'resolved':
        return api.change('POST', `${path}/resolve`, resolution, 200);
      case 'closed':
        await api.change('POST', `${path}/resolve`, resolution, 200);
        return api.change('PATCH', path, { status: 'closed', version: 2 });
    }
  }

  const pairs = FollowUpStatus.options.flatMap((from) => FollowUpStatus.options.filter((to) => to !== from).map((to) => [from, to] as const));

  it.each(pairs.filter(([from, to]) => TRANSITIONS[from].includes(to) && to !== 'resolved'))('PATCH moves a case from %s to %s', async (from, to) => {
    const before = await caseIn(from);
    const after = await api.change('PATCH', `/api/v1/follow-ups/${before.id}`, { status: to, version: before.version });
    expect(after).toMatchObject({ status: to, version: before.version + 1, updatedAt: NOW.toISOString() });
    const timeline = (await api.detail(before.id)).timeline;
    const reopened = to === 'open' && (from === 'resolved' || from === 'closed');
    expect(timeline.at(-1)).toMatchObject({ type: reopened ? 'reopened' : 'status_changed', actor: { kind: 'project-key' }, before: { status: from }, after: { status: to } });
  });

  it.each(pairs.filter(([from, to]) => !TRANSITIONS[from].includes(to) || to === 'resolved'))('PATCH refuses %s → %s with a 409 naming status, changing nothing', async (from, to) => {
    const before = await caseIn(from);
    const error = await api.refused(api.send('PATCH', `/api/v1/follow-ups/${before.id}`, { status: to, version: before.version }), 409);
    expect(error).toMatchObject({ code: 'illegal_transition', issues: [{ path: 'status' }] });
    expect(error.message).toContain(to === 'resolved' ? '/resolve' : `from ${from} a case goes to ${TRANSITIONS[from].join(', ')}`);
    expect((await api.detail(before.id)).case).toEqual(before);
  });

  it.each(FollowUpStatus.options)('POST /resolve from %s', async (from) => {
    const before = await caseIn(from);
    const res = await api.send('POST', `/api/v1/follow-ups/${before.id}/resolve`, resolution);
    if (TRANSITIONS[from].includes('resolved')) {
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'resolved', version: before.version + 1 });
    } else {
      expect((await api.refused(res, 409)).issues).toEqual([{ path: 'status', message: expect.stringContaining(`cannot go from ${from} to resolved`) }]);
    }
  });

  it('a case cannot be closed before it is resolved: the 409 says to resolve first', async () => {
    const open = await caseIn('open');
    const error = await api.refused(api.send('PATCH', `/api/v1/follow-ups/${open.id}`, { status: 'closed', version: 1 }), 409);
    expect(error.message).toContain('a case is closed only once resolved');
  });

  it('resolves with a root cause from the project settings and a compensation, then closes; reopening clears the resolution', async () => {
    await api.send('PATCH', '/api/v1/settings', { rootCauses: [{ id: 'delivery', label: 'Late delivery' }] });
    const id = await api.openSurveyCase();
    const path = `/api/v1/follow-ups/${id}`;
    const resolved = await api.change(
      'POST',
      `${path}/resolve`,
      { resolution: 'compensated', summary: 'Refunded the shipping', rootCause: 'delivery', compensation: { kind: 'refund', value: 4.9, code: 'R-1' }, version: 1 },
      200,
    );
    expect(resolved).toMatchObject({
      status: 'resolved',
      version: 2,
      resolution: { resolution: 'compensated', summary: 'Refunded the shipping', rootCause: 'delivery', compensation: { kind: 'refund', value: 4.9, code: 'R-1' }, resolvedAt: NOW.toISOString() },
    });
    const closed = await api.change('PATCH', path, { status: 'closed', version: 2 });
    expect(closed).toMatchObject({ status: 'closed', version: 3, resolution: { resolution: 'compensated' } });
    const reopened = await api.change('PATCH', path, { status: 'open', version: 3 });
    expect(reopened).toMatchObject({ status: 'open', version: 4, resolution: null });
    const { timeline } = await api.detail(id);
    expect(timeline.map((e) => e.type)).toEqual(['opened', 'resolved', 'status_changed', 'reopened']);
    // The timeline keeps the resolution the case no longer has.
    expect(timeline[1]).toMatchObject({ after: { status: 'resolved', resolution: { rootCause: 'delivery' } } });
  });

  it('refuses a root cause the project does not define (422 naming rootCause), and a bad resolution by field', async () => {
    const id = await api.openSurveyCase();
    const unknown = await api.refused(api.send('POST', `/api/v1/follow-ups/${id}/resolve`, { ...resolution, rootCause: 'pricing' }), 422);
    expect(unknown).toMatchObject({ code: 'unknown_root_cause', issues: [{ path: 'rootCause' }] });
    const bad = await api.refused(api.send('POST', `/api/v1/follow-ups/${id}/resolve`, { resolution: 'magic', summary: ' ', compensation: { kind: 'refund' } }), 422);
    expect(bad.issues?.map((i) => i.path).sort()).toEqual(['compensation.value', 'resolution', 'summary']);
    expect((await api.detail(id)).case).toMatchObject({ status: 'open', version: 1, resolution: null });
  });

  it('refuses a stale version with a 409 naming the current version and status, as body or If-Match', async () => {
    const id = await api.openSurveyCase();
    const path = `/api/v1/follow-ups/${id}`;
    await api.change('PATCH', path, { status: 'in_progress', version: 1 });
    const stale = await api.send('PATCH', path, { priority: 'high', version: 1 });
    expect(stale.headers.get('etag')).toBe('"2"');
    const error = await api.refused(stale, 409);
    expect(error).toMatchObject({ code: 'version_conflict', issues: [{ path: 'version', message: expect.stringContaining('the case is at version 2 (status in_progress)') }] });
    await api.refused(api.send('PATCH', path, { priority: 'high' }, { 'If-Match': '"1"' }), 409);
    await api.refused(api.send('POST', `${path}/notes`, { body: 'late' }, { 'If-Match': '"1"' }), 409);
    await api.refused(api.send('POST', `${path}/resolve`, { ...resolution, version: 1 }), 409);

    const viaHeader = await api.send('PATCH', path, { priority: 'high' }, { 'If-Match': '"2"' });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.headers.get('etag')).toBe('"3"');
    expect((await api.detail(id)).case).toMatchObject({ priority: 'high', version: 3 });
  });

  it('PATCH requires a version (428 naming version); If-Match and body must agree (422)', async () => {
    const id = await api.openSurveyCase();
    const missing = await api.refused(api.send('PATCH', `/api/v1/follow-ups/${id}`, { priority: 'high' }), 428);
    expect(missing).toMatchObject({ code: 'version_required', issues: [{ path: 'version' }] });
    const disagree = await api.refused(api.send('PATCH', `/api/v1/follow-ups/${id}`, { priority: 'high', version: 1 }, { 'If-Match': '"2"' }), 422);
    expect(disagree.issues).toEqual([{ path: 'version', message: 'is 1 but If-Match says 2' }]);
    await api.refused(api.send('PATCH', `/api/v1/follow-ups/${id}`, { priority: 'high' }, { 'If-Match': 'yesterday' }), 422);
    // Numbers beyond the column are bad input, never a database error.
    await api.refused(api.send('PATCH', `/api/v1/follow-ups/${id}`, { priority: 'high', version: 1e20 }), 422);
    await api.refused(api.send('PATCH', `/api/v1/follow-ups/${id}`, { priority: 'high' }, { 'If-Match': '"99999999999999"' }), 422);
    // Notes and resolve take a version when given, and go without one.
    await api.change('POST', `/api/v1/follow-ups/${id}/notes`, { body: 'Checked the order' });
  });

  it('records notes and contacts on the timeline; the first contact sets firstContactAt', async () => {
    const id = await api.openSurveyCase();
    const path = `/api/v1/follow-ups/${id}/notes`;
    const noted = await api.change('POST', path, { body: '  Order #1042 shipped late  ' });
    expect(noted).toMatchObject({ version: 2, firstContactAt: null });
    const contacted = await api.change('POST', path, { body: 'Called the customer', kind: 'contact', version: 2 });
    expect(contacted).toMatchObject({ version: 3, firstContactAt: NOW.toISOString() });
    await api.change('POST', path, { body: 'Called again', kind: 'contact' });
    const { timeline, case: after } = await api.detail(id);
    expect(after.firstContactAt).toBe(NOW.toISOString());
    expect(timeline.slice(1)).toEqual([
      expect.objectContaining({ type: 'note_added', after: { body: 'Order #1042 shipped late' }, before: null }),
      expect.objectContaining({ type: 'contacted', after: { body: 'Called the customer' } }),
      expect.objectContaining({ type: 'contacted', after: { body: 'Called again' } }),
    ]);
    const empty = await api.refused(api.send('POST', path, { body: '   ', kind: 'email' }), 422);
    expect(empty.issues?.map((i) => i.path).sort()).toEqual(['body', 'kind']);
  });

  it('assigns to a member and a team, recording before, after and whether the assignee is in the team', async () => {
    const ana = await api.createMember('Ana');
    const bo = await api.createMember('Bo');
    const billing = await api.createTeam('Billing', [ana.id]);
    const id = await api.openSurveyCase();
    const path = `/api/v1/follow-ups/${id}`;
    expect(await api.change('PATCH', path, { assigneeId: ana.id, teamId: billing.id, version: 1 })).toMatchObject({ assigneeId: ana.id, teamId: billing.id, version: 2 });
    await api.change('PATCH', path, { assigneeId: bo.id, version: 2 });
    await api.change('PATCH', path, { assigneeId: null, teamId: null, priority: 'urgent', dueAt: '2026-11-24T12:00:00+02:00', version: 3 });
    // Values equal to the current ones change nothing: no event, no new version.
    expect(await api.change('PATCH', path, { priority: 'urgent', version: 4 })).toMatchObject({ version: 4 });
    const { timeline, case: after } = await api.detail(id);
    expect(after).toMatchObject({ assigneeId: null, teamId: null, priority: 'urgent', dueAt: '2026-11-24T10:00:00.000Z', version: 4 });
    expect(timeline.slice(1).map(({ type, before, after: a }) => ({ type, before, after: a }))).toEqual([
      { type: 'assigned', before: { assigneeId: null, teamId: null }, after: { assigneeId: ana.id, teamId: billing.id, assigneeInTeam: true } },
      { type: 'assigned', before: { assigneeId: ana.id, teamId: billing.id }, after: { assigneeId: bo.id, teamId: billing.id, assigneeInTeam: false } },
      { type: 'assigned', before: { assigneeId: bo.id, teamId: billing.id }, after: { assigneeId: null, teamId: null } },
      { type: 'priority_changed', before: { priority: 'normal' }, after: { priority: 'urgent' } },
      { type: 'due_changed', before: { dueAt: '2026-11-25T10:00:00.000Z' }, after: { dueAt: '2026-11-24T10:00:00.000Z' } },
    ]);
  });

  it('refuses an unknown, deleted or other project’s member or team with a 422 naming the field', async () => {
    const gone = await api.createMember('Gone');
    await api.send('DELETE', `/api/v1/members/${gone.id}`);
    const id = await api.openSurveyCase();
    const path = `/api/v1/follow-ups/${id}`;
    for (const assigneeId of [gone.id, '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b']) {
      const error = await api.refused(api.send('PATCH', path, { assigneeId, version: 1 }), 422);
      expect(error).toMatchObject({ code: 'unknown_member', issues: [{ path: 'assigneeId' }] });
    }
    const team = await api.refused(api.send('PATCH', path, { teamId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', version: 1 }), 422);
    expect(team).toMatchObject({ code: 'unknown_team', issues: [{ path: 'teamId' }] });
    const malformed = await api.refused(api.send('PATCH', path, { assigneeId: 'ana', status: 'pending', version: 0 }), 422);
    expect(malformed.issues?.map((i) => i.path).sort()).toEqual(['assigneeId', 'status', 'version']);
    const nothing = await api.refused(api.send('PATCH', path, { version: 1 }), 422);
    expect(nothing.issues?.[0]?.message).toContain('must change at least one of');
    expect((await api.detail(id)).case.version).toBe(1);
  });

  it('another project’s case is a 404 for every route, and a malformed id a 422', async () => {
    const id = await api.openSurveyCase();
    await createProject(t.db.kysely, { name: 'b', publicKey: 'pk_b', secretKey: 'sk_b_secret', identitySecret: 'x', allowedOrigins: [] }, NOW);
    const other = { Authorization: 'Bearer sk_b_secret', 'Content-Type': 'application/json' };
    const requests: [string, string, unknown][] = [
      ['GET', '', undefined],
      ['PATCH', '', { status: 'in_progress', version: 1 }],
      ['POST', '/notes', { body: 'hi' }],
      ['POST', '/resolve', resolution],
    ];
    for (const [method, suffix, body] of requests) {
      const res = await t.app.request(`/api/v1/follow-ups/${id}${suffix}`, { method, headers: other, ...(body !== undefined && { body: JSON.stringify(body) }) });
      expect((await api.refused(res, 404)).code).toBe('case_not_found');
    }
    expect((await api.refused(api.send('GET', '/api/v1/follow-ups/not-a-uuid'), 422)).issues?.[0]?.path).toBe('id');
    expect((await api.detail(id)).case).toMatchObject({ status: 'open', version: 1 });
  });

  it('keeps a complete, ordered timeline: who, when, what, before and after for every change', async () => {
    const id = await api.openSurveyCase();
    const path = `/api/v1/follow-ups/${id}`;
    await api.change('PATCH', path, { status: 'in_progress', priority: 'high', version: 1 });
    await api.change('POST', `${path}/notes`, { body: 'Called', kind: 'contact' });
    await api.change('POST', `${path}/resolve`, resolution, 200);
    const { timeline, case: after } = CaseDetail.parse(await api.detail(id));
    expect(timeline.map((e) => e.type)).toEqual(['opened', 'status_changed', 'priority_changed', 'contacted', 'resolved']);
    expect(timeline[0]).toMatchObject({ actor: { kind: 'system' }, at: NOW.toISOString(), before: null, after: { status: 'open', priority: 'normal', assigneeId: null, teamId: null, dueAt: after.dueAt } });
    for (const event of timeline.slice(1)) expect(event).toMatchObject({ actor: { kind: 'project-key' }, at: NOW.toISOString() });
    expect(new Set(timeline.map((e) => e.id)).size).toBe(timeline.length);
    expect(after.version).toBe(4);
  });

  it('offers no route that edits or deletes a timeline event', () => {
    const writes = t.app.routes.filter((r) => r.path.startsWith('/api/v1/follow-ups') && ['PUT', 'PATCH', 'DELETE'].includes(r.method));
    // Each handler of a route (requirePermission, then the route's own) registers once.
    expect([...new Set(writes.map((r) => `${r.method} ${r.path}`))]).toEqual(['PATCH /api/v1/follow-ups/:id']);
  });
});
