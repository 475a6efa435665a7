import { signIdentity } from '@closeloop/sdk/node';
import { FollowUpStats, PersonErasure, PersonExport, SurveyDefinition, WebhookCreated } from '@closeloop/sdk/schemas';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/database.js';
import { upsertSurvey } from '../../repos/surveys.js';
import { caseRequests } from '../../testing/case-requests.js';
import { NOW } from '../../testing/fixtures.js';
import { startHttpReceiver } from '@closeloop/test-receivers/http-receiver';
import type { HttpReceiver } from '@closeloop/test-receivers/http-receiver';
import { useNotifyRunners } from '../../testing/notify-runner.js';
import { post, useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';

const withContact = SurveyDefinition.parse({
  id: 'reach',
  name: 'NPS with a contact step',
  questions: [
    { id: 'nps', type: 'nps', prompt: 'How likely?' },
    { id: 'comment', type: 'text', prompt: 'Why?' },
    { id: 'contact', type: 'contact', prompt: 'May we contact you about this?' },
  ],
});

/** What identifies Jane, or what she wrote: after her erasure, no table may hold any of it. */
const JANE = {
  userId: 'user-jane-42',
  anonymousId: 'anon-jane-browser',
  email: 'jane@customer.example',
  contactAddress: 'jane.reach@customer.example',
  name: 'Jane Quimby',
  comment: 'Quimby coupon refused at checkout',
  feedback: 'The Quimby invoice page is blank',
  note: 'Called Jane Quimby on 555-0142',
  query: 'order=QX-991',
  agent: 'JaneBrowser/7.1',
  voucher: 'QUIMBY-VOUCHER',
};
const jane = { anonymousId: JANE.anonymousId, userId: JANE.userId, attributes: { email: JANE.email, name: JANE.name, plan: 'pro' }, signature: signIdentity('shop-identity', JANE.userId) };
const bob = { anonymousId: 'anon-bob', userId: 'user-bob-7', signature: signIdentity('shop-identity', 'user-bob-7') };
const everyTable: (keyof Database)[] = [
  'projects',
  'surveys',
  'responses',
  'follow_ups',
  'feedback',
  'jobs',
  'case_events',
  'members',
  'teams',
  'team_members',
  'webhooks',
  'webhook_deliveries',
  'integrations',
  'messages',
  'person_erasures',
];

describe.each(testDialects)('people: export and erasure on $name', ({ open }) => {
  const t = useTestApp({ allowPrivateWebhooks: true }, open);
  const requests = caseRequests(t);
  const runners = useNotifyRunners();
  const receivers: HttpReceiver[] = [];
  afterEach(async () => {
    for (const receiver of receivers.splice(0)) await receiver.close();
  });

  const exportOf = (userId: string) => requests.send('GET', `/api/v1/people/${encodeURIComponent(userId)}/export`);
  const erase = (userId: string) => requests.send('DELETE', `/api/v1/people/${encodeURIComponent(userId)}`);
  const stats = async () => FollowUpStats.parse(await (await requests.send('GET', '/api/v1/stats/follow-ups')).json());

  /** Every row of every table, as text: where a leftover of Jane would show. */
  async function everything(): Promise<string> {
    const dump: Record<string, unknown[]> = {};
    for (const table of everyTable) dump[table] = (await sql`select * from ${sql.table(table)}`.execute(t.db.kysely)).rows;
    return JSON.stringify(dump);
  }

  /**
   * Jane's whole story: a signed detractor answer with a comment and her contact, worked to a closed loop (notes, a
   * resolution with a voucher, a widget message she saw, an email), a feedback problem, an unsigned promoter answer
   * under her id, and a webhook whose receiver refused her case quoting her address. Bob's detractor case beside it.
   */
  async function janeAndBob() {
    await upsertSurvey(t.db.kysely, t.shop.project.id, withContact, NOW);
    const hooked = await startHttpReceiver((request, res) => {
      res.writeHead(500).end(request.body.includes(JANE.email) ? `refused the case of ${JANE.email}` : 'refused');
    });
    receivers.push(hooked);
    const hook = await requests.send('POST', '/api/v1/webhooks', { url: hooked.url, events: ['follow_up.opened'] });
    WebhookCreated.parse(await hook.json());

    const janeCase = await requests.openSurveyCase({
      surveyId: 'reach',
      respondent: jane,
      answers: { nps: 2, comment: JANE.comment, contact: { consent: true, channel: 'email', address: JANE.contactAddress } },
      context: { url: `https://shop.example/checkout?${JANE.query}#pay`, referrer: 'https://mail.example/inbox', userAgent: JANE.agent, locale: 'en-GB', trigger: 'exit-intent' },
    });
    const feedbackCase = await requests.openFeedbackCase({ respondent: jane, comment: JANE.feedback });
    const promoter = await post(t.app, '/v1/responses', {
      id: crypto.randomUUID(),
      project: 'pk_shop',
      surveyId: 'nps',
      answers: { nps: 9 },
      respondent: { anonymousId: 'anon-jane-phone', userId: JANE.userId },
      context: { url: 'https://shop.example/' },
      answeredAt: NOW.toISOString(),
    });
    expect(promoter.status).toBe(201);
    const bobCase = await requests.openSurveyCase({ respondent: bob, answers: { nps: 1, comment: 'Bob says shipping was slow' } });

    await requests.change('POST', `/api/v1/follow-ups/${janeCase}/notes`, { body: JANE.note, kind: 'contact' });
    await requests.change('POST', `/api/v1/follow-ups/${janeCase}/resolve`, {
      resolution: 'compensated',
      summary: `Refunded ${JANE.name}`,
      compensation: { kind: 'voucher', value: 10, code: JANE.voucher },
    }, 200);
    await requests.change('POST', `/api/v1/follow-ups/${janeCase}/close-loop`, { message: `Sorry ${JANE.name}, here is a voucher.`, channels: ['widget', 'email'] });
    const inbox = await t.app.request(`/v1/messages?project=pk_shop&user=${JANE.userId}&signature=${jane.signature}`, { headers: { Origin: 'https://shop.example' } });
    const [message] = ((await inbox.json()) as { data: { id: string }[] }).data;
    const seen = await post(t.app, `/v1/messages/${message!.id}/seen`, { project: 'pk_shop', user: JANE.userId, signature: jane.signature }, { Origin: 'https://shop.example' });
    expect(seen.status).toBe(204);

    // The receiver refuses Jane's case quoting her address; the attempts are recorded, then the runner stops (an
    // attempt still in flight while she is erased would record its reply after the erasure).
    const runner = runners.start(t.db);
    await vi.waitFor(async () => {
      const errors = await t.db.kysely.selectFrom('webhook_deliveries').select('error').execute();
      expect(errors.map((e) => e.error).join()).toContain(JANE.email);
    }, { timeout: 5_000, interval: 20 });
    await runner.stop();
    return { janeCase, feedbackCase, bobCase };
  }

  it('exports everything stored about a person: answers, attributes, page, feedback, cases with contact, timeline and messages', async () => {
    const { janeCase, feedbackCase, bobCase } = await janeAndBob();
    const res = await exportOf(JANE.userId);
    expect(res.status).toBe(200);
    const exported = PersonExport.parse(await res.json());
    expect(exported.userId).toBe(JANE.userId);

    expect(exported.responses.map((r) => [r.surveyId, r.respondent.verified, r.followUpId])).toEqual(
      expect.arrayContaining([
        ['reach', true, janeCase],
        ['nps', false, null],
      ]),
    );
    expect(exported.responses).toHaveLength(2);
    const answer = exported.responses.find((r) => r.surveyId === 'reach')!;
    expect(answer.answers).toEqual({ nps: 2, comment: JANE.comment, contact: { consent: true, channel: 'email', address: JANE.contactAddress } });
    expect(answer.respondent.attributes).toEqual(jane.attributes);
    expect(answer.context).toMatchObject({ url: `https://shop.example/checkout?${JANE.query}#pay`, userAgent: JANE.agent });

    expect(exported.feedback).toEqual([expect.objectContaining({ comment: JANE.feedback, respondent: expect.objectContaining({ userId: JANE.userId, verified: true }), followUpId: feedbackCase })]);

    expect(exported.cases.map((c) => c.followUp.id).sort()).toEqual([janeCase, feedbackCase].sort());
    expect(exported.cases.map((c) => c.followUp.id)).not.toContain(bobCase);
    const worked = exported.cases.find((c) => c.followUp.id === janeCase)!;
    expect(worked.followUp.resolution).toMatchObject({ summary: `Refunded ${JANE.name}`, compensation: { code: JANE.voucher } });
    expect(worked.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['opened', 'contacted', 'resolved', 'loop_closed', 'message_seen']));
    expect(worked.timeline.find((e) => e.type === 'contacted')?.after).toEqual({ body: JANE.note });
    expect(worked.messages.map((m) => [m.channel, m.recipient, m.seenAt === null])).toEqual(
      expect.arrayContaining([
        ['widget', null, false],
        ['email', JANE.email, true],
      ]),
    );
    expect(JSON.stringify(exported)).not.toContain('Bob says');
  });

  it('erases a person: nothing of theirs left in any table, one audit event per case without it, stats unchanged, others untouched', async () => {
    const { janeCase, feedbackCase, bobCase } = await janeAndBob();
    const before = await stats();
    const dumped = await everything();
    for (const value of Object.values(JANE)) expect(dumped).toContain(value);

    const res = await erase(JANE.userId);
    expect(res.status).toBe(200);
    const erasure = PersonErasure.parse(await res.json());
    expect(erasure).toMatchObject({ userId: JANE.userId, erasedAt: NOW.toISOString() });
    expect(erasure.erased).toMatchObject({ responses: 2, feedback: 1, cases: 2, messages: 2 });
    expect(erasure.erased.events).toBeGreaterThanOrEqual(4);
    expect(erasure.erased.deliveries).toBeGreaterThanOrEqual(1);

    const after = await everything();
    for (const [what, value] of Object.entries(JANE)) expect(after, `${what} is still stored`).not.toContain(value);
    expect(after).toContain('Bob says shipping was slow');
    expect(after).toContain(bob.userId);

    for (const caseId of [janeCase, feedbackCase]) {
      const detail = await requests.detail(caseId);
      const audit = detail.timeline.filter((e) => e.type === 'personal_data_erased');
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor: { kind: 'project-key' }, at: NOW.toISOString(), before: null });
      expect(Object.values(audit[0]!.after ?? {}).every((v) => typeof v === 'number')).toBe(true);
      expect(detail.customer.contact).toBeNull();
    }
    const worked = await requests.detail(janeCase);
    expect(worked.case).toMatchObject({ status: 'resolved', reason: { question: 'nps', value: 2 }, resolution: { resolution: 'compensated', summary: '[erased]', compensation: { kind: 'voucher', value: 10 } } });
    if (worked.case.source !== 'survey') throw new Error('expected a survey case');
    expect(worked.case.response.answers).toEqual({ nps: 2 });
    expect(worked.case.response.context).toEqual({ url: 'https://shop.example/checkout', locale: 'en-GB', trigger: 'exit-intent' });
    // The customer email failed (this server sends none): that event named her address, and keeps only the rest.
    expect(worked.timeline.map((e) => e.type)).toEqual(['opened', 'contacted', 'resolved', 'loop_closed', 'message_seen', 'notification_failed', 'personal_data_erased']);
    expect(worked.timeline.find((e) => e.type === 'notification_failed')?.after).toMatchObject({ channel: 'email', error: '[erased]' });
    expect(worked.timeline.find((e) => e.type === 'notification_failed')?.after).not.toHaveProperty('to');
    expect(worked.timeline.find((e) => e.type === 'contacted')?.after).toEqual({ body: '[erased]' });
    expect((await requests.detail(bobCase)).case).toMatchObject({ source: 'survey', response: { answers: { comment: 'Bob says shipping was slow' } } });

    // The scores stay: the same cases opened, the same detractors, the same NPS.
    expect(await stats()).toEqual(before);
    const nps = await t.db.kysely.selectFrom('responses').select('nps_score').orderBy('nps_score').execute();
    expect(nps.map((r) => r.nps_score)).toEqual([1, 2, 9]);

    // Nothing is left to export, and a repeat erases nothing and adds no event.
    expect(await requests.refused(exportOf(JANE.userId), 404)).toMatchObject({ code: 'person_not_found', issues: [{ path: 'userId' }] });
    const again = await erase(JANE.userId);
    expect(again.status).toBe(200);
    expect(PersonErasure.parse(await again.json()).erased).toEqual({ responses: 0, feedback: 0, cases: 0, events: 0, messages: 0, deliveries: 0 });
    expect((await requests.detail(janeCase)).timeline.filter((e) => e.type === 'personal_data_erased')).toHaveLength(1);
  });

  it('keeps the timeline append-only: an erased event cannot be rewritten, and no other update passes', async () => {
    const { janeCase } = await janeAndBob();
    await erase(JANE.userId);
    const update = (set: Record<string, string>) =>
      t.db.kysely.updateTable('case_events').set(set).where('case_id', '=', janeCase).where('type', '=', 'contacted').execute();
    await expect(update({ after: '{"body":"rewritten"}', erased_at: NOW.toISOString() })).rejects.toThrow(/append-only/);
    const bobEvent = t.db.kysely.updateTable('case_events').set({ type: 'resolved' }).where('type', '=', 'opened').execute();
    await expect(bobEvent).rejects.toThrow(/append-only/);
  });

  it('answers 404 naming userId for a person never stored, and 422 naming userId for an id no identify() accepts', async () => {
    await requests.openSurveyCase({ respondent: bob });
    for (const res of [exportOf('user-nobody'), erase('user-nobody')]) {
      expect(await requests.refused(res, 404)).toMatchObject({ code: 'person_not_found', issues: [{ path: 'userId', message: expect.stringContaining('user-nobody') }] });
    }
    const tooLong = 'u'.repeat(257);
    for (const res of [exportOf(tooLong), erase(tooLong)]) {
      expect(await requests.refused(res, 422)).toMatchObject({ code: 'invalid_request', issues: [{ path: 'userId' }] });
    }
    // Bob's data is untouched by all of it.
    expect(PersonExport.parse(await (await exportOf(bob.userId)).json()).responses).toHaveLength(1);
  });
});
