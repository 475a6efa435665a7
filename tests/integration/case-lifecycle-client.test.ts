// @closeloop/sdk/node's case, member, team, settings and stats methods against the real server over real HTTP.
import { randomUUID } from 'node:crypto';
import { createManagementClient, ManagementApiError, signIdentity } from '@closeloop/sdk/node';
import type { ManagementClient } from '@closeloop/sdk/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalServer } from './local-server.js';
import type { LocalServer } from './local-server.js';

let server: LocalServer;
let client: ManagementClient;
beforeEach(async () => {
  server = await startLocalServer();
  client = createManagementClient({ host: server.origin, secretKey: server.secretKey, retry: 0 });
  await client.surveys.put({
    id: 'nps',
    name: 'NPS',
    questions: [
      { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend us?' },
      { id: 'comment', type: 'text', prompt: 'Why?' },
    ],
  });
});
afterEach(() => server.stop());

/** Who answered and on which page: an anonymous visitor on the home page unless said otherwise. */
interface AnswerContext {
  respondent?: Record<string, unknown>;
  path?: string;
}

async function answer(score: number, comment: string, { respondent = { anonymousId: 'anon-it' }, path = '/' }: AnswerContext = {}): Promise<string | null> {
  const res = await fetch(`${server.origin}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: randomUUID(),
      project: 'pk_it',
      surveyId: 'nps',
      answers: { nps: score, comment },
      respondent,
      context: { url: `https://shop.example${path}` },
      answeredAt: new Date().toISOString(),
    }),
  });
  const { followUpId } = (await res.json()) as { followUpId: string | null };
  return followUpId;
}

/** An NPS 5 with a comment: a normal-priority case (NPS 0–3 would open it high). */
async function detractor(comment: string, context: AnswerContext = {}): Promise<string> {
  const id = await answer(5, comment, context);
  if (id === null) throw new Error('the detractor opened no case');
  return id;
}

describe('the case lifecycle from Node', () => {
  it('members, teams and settings: create, list, change, delete', async () => {
    const ana = await client.members.create({ name: 'Ana', email: 'ana@shop.example' });
    expect(ana).toMatchObject({ role: 'agent', away: false });
    expect(await client.members.update(ana.id, { away: true })).toMatchObject({ away: true });
    const bo = await client.members.create({ name: 'Bo', email: 'bo@shop.example', role: 'admin' });
    expect((await client.members.list()).map((m) => m.name)).toEqual(['Ana', 'Bo']);

    const team = await client.teams.create({ name: 'Care', memberIds: [ana.id] });
    expect(await client.teams.update(team.id, { memberIds: [bo.id, ana.id] })).toMatchObject({ memberIds: [bo.id, ana.id] });
    expect(await client.teams.list()).toEqual([expect.objectContaining({ id: team.id, name: 'Care' })]);

    await client.members.delete(bo.id);
    expect((await client.members.list()).map((m) => m.name)).toEqual(['Ana']);

    const defaults = { rootCauses: [], businessHours: null, feedbackRouting: [], customerValue: null, commentWaitSeconds: 60 };
    expect(await client.settings.get()).toEqual(defaults);
    expect(await client.settings.update({ rootCauses: [{ id: 'delivery', label: 'Delivery' }] })).toEqual({ ...defaults, rootCauses: [{ id: 'delivery', label: 'Delivery' }] });
  });

  it('routes new cases by the survey’s rules and dates them in business hours, set through the client', async () => {
    const [ana, bo] = [await client.members.create({ name: 'Ana', email: 'ana@shop.example' }), await client.members.create({ name: 'Bo', email: 'bo@shop.example' })];
    const team = await client.teams.create({ name: 'Care', memberIds: [ana.id, bo.id] });
    const survey = await client.surveys.get('nps');
    await client.surveys.put({ ...survey, followUp: { ...survey.followUp, dueIn: 8, routing: [{ if: { url: { rules: [{ op: 'starts-with', value: '/checkout' }] } }, to: { teamId: team.id } }] } });
    const businessHours = { timeZone: 'Europe/Stockholm', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
    expect(await client.settings.update({ businessHours, customerValue: { attribute: 'plan', tiers: [{ equals: ['enterprise'], priority: 'urgent' }] } })).toMatchObject({ businessHours });

    const routed = await Promise.all([detractor('Card refused', { path: '/checkout' }), detractor('Card refused again', { path: '/checkout/pay' })].map(async (id) => client.followUps.get(await id)));
    expect(routed.map((d) => d.case.teamId)).toEqual([team.id, team.id]);
    expect(routed.map((d) => d.case.assigneeId).sort()).toEqual([ana.id, bo.id].sort());
    expect(routed[0]!.timeline.map((e) => e.type)).toEqual(['opened', 'assigned']);
    const elsewhere = await client.followUps.get(await detractor('Slow', { path: '/blog' }));
    expect([elsewhere.case.teamId, elsewhere.case.assigneeId]).toEqual([null, null]);

    const refused = await client.surveys.put({ ...survey, followUp: { routing: [{ to: { memberId: randomUUID() } }] } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ManagementApiError);
    expect((refused as ManagementApiError).status).toBe(422);
  });

  it('works a case from open to closed: assign, note, contact, resolve, close, with the queue and the timeline', async () => {
    const ana = await client.members.create({ name: 'Ana', email: 'ana@shop.example' });
    await client.settings.update({ rootCauses: [{ id: 'delivery', label: 'Delivery' }] });
    const earlier = await detractor('Slow site');
    const id = await detractor('The parcel never came');

    const queue = await client.followUps.list({ q: 'parcel', assignee: 'none', overdue: false });
    expect(queue.data.map((f) => f.id)).toEqual([id]);
    expect(queue.counts).toMatchObject({ open: 1, resolved: 0 });

    const assigned = await client.followUps.update(id, { assigneeId: ana.id, status: 'in_progress', priority: 'high', version: 1 });
    expect(assigned).toMatchObject({ assigneeId: ana.id, status: 'in_progress', version: 2 });
    await client.followUps.addNote(id, { body: 'Courier says delivered' });
    const contacted = await client.followUps.addNote(id, { body: 'Called the customer', kind: 'contact', version: 3 });
    expect(contacted.firstContactAt).not.toBeNull();
    const resolved = await client.followUps.resolve(id, { resolution: 'compensated', summary: 'Sent a new parcel', rootCause: 'delivery', compensation: { kind: 'reshipment', value: 0 } });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: { rootCause: 'delivery' } });
    const closed = await client.followUps.update(id, { status: 'closed', version: resolved.version });
    expect(closed.status).toBe('closed');

    const detail = await client.followUps.get(id);
    expect(detail.timeline.map((e) => e.type)).toEqual(['opened', 'status_changed', 'assigned', 'priority_changed', 'note_added', 'contacted', 'resolved', 'status_changed']);
    expect(detail.customer).toMatchObject({ respondent: { anonymousId: 'anon-it' }, page: 'https://shop.example/' });
    expect(detail.customer.earlierResponses.map((r) => r.followUpId)).toEqual([earlier]);
    expect(detail.customer.earlierCases.map((c) => c.id)).toEqual([earlier]);
    expect((await client.followUps.list({ assignee: ana.id })).data.map((f) => f.id)).toEqual([id]);
  });

  it('rejects refusals with ManagementApiError naming the field: stale version, illegal transition, unknown member', async () => {
    const id = await detractor('Too slow');
    await client.followUps.update(id, { status: 'in_progress', version: 1 });
    const stale = await client.followUps.update(id, { status: 'waiting_on_customer', version: 1 }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ManagementApiError);
    expect(stale).toMatchObject({ status: 409, code: 'version_conflict', issues: [{ path: 'version', message: expect.stringContaining('version 2') }] });
    const illegal = await client.followUps.update(id, { status: 'closed', version: 2 }).catch((e: unknown) => e);
    expect(illegal).toMatchObject({ status: 409, code: 'illegal_transition', issues: [{ path: 'status' }] });
    const unknown = await client.followUps.update(id, { assigneeId: randomUUID(), version: 2 }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ status: 422, code: 'unknown_member', issues: [{ path: 'assigneeId' }] });
    const me = await client.followUps.list({ assignee: 'me' }).catch((e: unknown) => e);
    expect(me).toMatchObject({ status: 422, issues: [{ path: 'assignee' }] });
    const missing = await client.followUps.get(randomUUID()).catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404, code: 'case_not_found' });
  });

  it("closes the loop with a signed user in the widget, and names channels when the customer can't be reached", async () => {
    const signed = await detractor('Refund missing', { respondent: { anonymousId: 'anon-jo', userId: 'user-jo', signature: signIdentity('it-identity', 'user-jo') } });
    const resolved = await client.followUps.resolve(signed, { resolution: 'compensated', summary: 'Refunded' });
    const closed = await client.followUps.closeLoop(signed, { message: 'We refunded your order today.', channels: ['widget'], version: resolved.version });
    expect(closed).toMatchObject({ id: signed, status: 'resolved', version: resolved.version + 1 });
    const inbox = await fetch(`${server.origin}/v1/messages?project=pk_it&user=user-jo&signature=${signIdentity('it-identity', 'user-jo')}`);
    expect(((await inbox.json()) as { data: { body: string }[] }).data.map((m) => m.body)).toEqual(['We refunded your order today.']);
    expect((await client.followUps.get(signed)).timeline.at(-1)).toMatchObject({ type: 'loop_closed', after: { channels: ['widget'] } });

    const anonymous = await detractor('Slow');
    const early = await client.followUps.closeLoop(anonymous, { message: 'Fixed', channels: ['email'] }).catch((e: unknown) => e);
    expect(early).toMatchObject({ status: 409, code: 'case_not_resolved', issues: [{ path: 'status' }] });
    await client.followUps.resolve(anonymous, { resolution: 'fixed', summary: 'Faster now' });
    const unreachable = await client.followUps.closeLoop(anonymous, { message: 'Fixed', channels: ['email'] }).catch((e: unknown) => e);
    expect(unreachable).toBeInstanceOf(ManagementApiError);
    expect(unreachable).toMatchObject({ status: 422, code: 'customer_unreachable', issues: [{ path: 'channels' }] });
  });

  it('measures recovery: the next answer after the resolved case is on its timeline, and in the stats', async () => {
    await client.settings.update({ rootCauses: [{ id: 'delivery', label: 'Delivery' }] });
    const id = await detractor('The parcel never came');
    await client.followUps.addNote(id, { body: 'Called the customer', kind: 'contact' });
    await client.followUps.resolve(id, { resolution: 'fixed', summary: 'Sent it again', rootCause: 'delivery' });
    expect(await answer(9, 'Great service in the end')).toBeNull();
    expect((await client.followUps.get(id)).timeline.at(-1)).toMatchObject({ type: 'next_answer', after: { score: 9 } });

    const stats = await client.stats.followUps();
    expect(stats.overall).toMatchObject({
      opened: 1,
      contactedWithinSla: 1,
      slaBreaches: 0,
      recoveryRate: 1,
      rootCauses: [{ id: 'delivery', label: 'Delivery', count: 1 }],
      nextLoop: { followedUp: { customers: 1, answeredAgain: 1, rate: 1 }, notFollowedUp: { customers: 0, answeredAgain: 0, rate: null } },
    });
    expect(Date.parse(stats.to) - Date.parse(stats.from)).toBe(30 * 86_400_000);
    // A window in the past holds nothing; one the wrong way round is refused by field.
    expect((await client.stats.followUps({ from: '2020-01-01', to: new Date('2020-02-01T00:00:00Z') })).overall.opened).toBe(0);
    const refused = await client.stats.followUps({ from: '2020-02-01', to: '2020-01-01' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ManagementApiError);
    expect(refused).toMatchObject({ status: 422, issues: [{ path: 'to' }] });
  });
});
