import { signIdentity, verifyWebhook } from '@closeloop/sdk/node';
import { MessageList, SurveyDefinition, WebhookCreated, WebhookEvent } from '@closeloop/sdk/schemas';
import type { CaseEvent, ResponseSubmissionInput } from '@closeloop/sdk/schemas';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMailer } from '../../notify/email/mailer.js';
import type { Mailer } from '../../notify/email/mailer.js';
import { upsertSurvey } from '../../repos/surveys.js';
import { caseRequests } from '../../testing/case-requests.js';
import { NOW } from '../../testing/fixtures.js';
import { startHttpReceiver } from '@closeloop/test-receivers/http-receiver';
import type { HttpReceiver } from '@closeloop/test-receivers/http-receiver';
import { useNotifyRunners } from '../../testing/notify-runner.js';
import { startSmtpReceiver } from '@closeloop/test-receivers/smtp-receiver';
import type { SmtpReceiver } from '@closeloop/test-receivers/smtp-receiver';
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

/** A signed-in customer as the host page identifies them: the id signed with the project's identity secret. */
const jane = { anonymousId: 'anon-jane', userId: 'user-42', attributes: { email: 'jane@customer.example', name: 'Jane' }, signature: signIdentity('shop-identity', 'user-42') };

describe.each(testDialects)('closing the loop on $name', ({ open }) => {
  const t = useTestApp({ allowPrivateWebhooks: true }, open);
  const runners = useNotifyRunners();
  const requests = caseRequests(t);
  let smtp: SmtpReceiver;
  let mailer: Mailer;
  const receivers: HttpReceiver[] = [];
  beforeEach(async () => {
    smtp = await startSmtpReceiver();
    mailer = createMailer({ smtpUrl: smtp.url, from: 'feedback@mail.example' });
  });
  afterEach(async () => {
    mailer.transport.close();
    await smtp.close();
    for (const receiver of receivers.splice(0)) await receiver.close();
  });

  /** A detractor's case, resolved: what closing the loop starts from. */
  async function resolvedCase(overrides: Partial<ResponseSubmissionInput> = {}): Promise<string> {
    const caseId = await requests.openSurveyCase(overrides);
    await requests.change('POST', `/api/v1/follow-ups/${caseId}/resolve`, { resolution: 'fixed', summary: 'Discount codes work again' }, 200);
    return caseId;
  }
  const closeLoop = (caseId: string, body: unknown) => requests.send('POST', `/api/v1/follow-ups/${caseId}/close-loop`, body);
  const eventsOf = async (caseId: string, type: CaseEvent['type']) => (await requests.detail(caseId)).timeline.filter((e) => e.type === type);

  it("mails a Swedish customer in Swedish, from the project's name, quoting them and the message HTML-escaped", async () => {
    const caseId = await resolvedCase({ respondent: jane, answers: { nps: 2, comment: 'Rabattkoden <b>funkar</b> inte' }, context: { url: 'https://shop.example/kassa', locale: 'sv-SE' } });
    runners.start(t.db, { mail: mailer });
    const message = 'Vi har lagat rabattkoden <script>alert(1)</script> & den fungerar nu.';
    const followUp = await requests.change('POST', `/api/v1/follow-ups/${caseId}/close-loop`, { message, channels: ['email'] });
    expect(followUp).toMatchObject({ id: caseId, status: 'resolved', version: 3 });

    await vi.waitFor(() => expect(smtp.received).toHaveLength(1), { timeout: 3_000, interval: 10 });
    const [received] = smtp.received;
    expect(received?.to).toEqual(['jane@customer.example']);
    const mail = received!.mail;
    expect(mail.from?.value).toEqual([{ name: 'shop', address: 'feedback@mail.example' }]);
    expect(mail.subject).toBe('Din feedback till shop');
    expect(mail.headers.get('content-language')).toBe('sv');
    expect(mail.text).toMatch(/^Hej Jane,\n\nDu skrev till oss:\n> Rabattkoden <b>funkar<\/b> inte\n/);
    expect(mail.text).toContain(message);
    expect(mail.text).toContain('Vänliga hälsningar,\nshop');
    const html = String(mail.html);
    expect(html).toContain('Vi har lagat rabattkoden &lt;script&gt;alert(1)&lt;/script&gt; &amp; den fungerar nu.');
    expect(html).toContain('Rabattkoden &lt;b&gt;funkar&lt;/b&gt; inte');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/closeloop/i);

    const [closed] = await eventsOf(caseId, 'loop_closed');
    expect(closed).toMatchObject({ actor: { kind: 'project-key' }, at: NOW.toISOString(), after: { message, channels: ['email'], to: 'jane@customer.example' } });
    await vi.waitFor(async () =>
      expect(await eventsOf(caseId, 'notification_delivered')).toEqual([
        expect.objectContaining({ after: expect.objectContaining({ channel: 'email', event: 'follow_up.loop_closed', to: 'jane@customer.example' }) }),
      ]),
    );
  });

  it('mails the anonymous detractor who consented to be emailed, at the address they gave', async () => {
    await upsertSurvey(t.db.kysely, t.shop.project.id, withContact, NOW);
    const contact = { consent: true, channel: 'email', address: 'ann@visitor.example' } as const;
    const caseId = await resolvedCase({ surveyId: 'reach', answers: { nps: 1, comment: 'Late', contact } });
    runners.start(t.db, { mail: mailer });
    await requests.change('POST', `/api/v1/follow-ups/${caseId}/close-loop`, { message: 'Your parcel is on its way.', channels: ['email'] });
    await vi.waitFor(() => expect(smtp.received.flatMap((r) => r.to)).toEqual(['ann@visitor.example']), { timeout: 3_000, interval: 10 });
    expect(smtp.received[0]?.mail.text).toMatch(/^Hi,\n\nYou told us:\n> Late\n\nYour parcel is on its way\./);
  });

  it('mails the visitor who typed an email into the feedback form, quoting their problem', async () => {
    const caseId = await requests.openFeedbackCase({ email: 'visitor@example.org', context: { url: 'https://shop.example/', locale: 'de-AT' } });
    await requests.change('POST', `/api/v1/follow-ups/${caseId}/resolve`, { resolution: 'fixed', summary: 'Fixed' }, 200);
    runners.start(t.db, { mail: mailer });
    await requests.change('POST', `/api/v1/follow-ups/${caseId}/close-loop`, { message: 'Der Code funktioniert wieder.', channels: ['email'] });
    await vi.waitFor(() => expect(smtp.received.flatMap((r) => r.to)).toEqual(['visitor@example.org']), { timeout: 3_000, interval: 10 });
    expect(smtp.received[0]?.mail.subject).toBe('Ihr Feedback an shop');
    expect(smtp.received[0]?.mail.text).toContain('> The discount code is refused at checkout.');
  });

  it('puts a failed delivery on the timeline at once when the server sends no email', async () => {
    const caseId = await resolvedCase({ respondent: jane });
    runners.start(t.db, { mail: null });
    await requests.change('POST', `/api/v1/follow-ups/${caseId}/close-loop`, { message: 'Fixed.', channels: ['email'] });
    await vi.waitFor(async () =>
      expect(await eventsOf(caseId, 'notification_failed')).toEqual([
        expect.objectContaining({ after: expect.objectContaining({ channel: 'email', to: 'jane@customer.example', error: expect.stringMatching(/CLOSELOOP_SMTP_URL/) }) }),
      ]),
    );
    expect(smtp.received).toEqual([]);
  });

  it('422 naming channels when the customer cannot be reached there, and nothing written', async () => {
    await upsertSurvey(t.db.kysely, t.shop.project.id, withContact, NOW);
    const anonymous = await resolvedCase();
    const unsigned = await resolvedCase({ respondent: { ...jane, signature: undefined } });
    const declined = await resolvedCase({ surveyId: 'reach', answers: { nps: 1, contact: { consent: false } } });
    const byPhone = await resolvedCase({ surveyId: 'reach', answers: { nps: 1, contact: { consent: true, channel: 'phone', address: '+46 70 123 45 67' } } });
    for (const caseId of [anonymous, unsigned, declined, byPhone]) {
      const error = await requests.refused(closeLoop(caseId, { message: 'Fixed.', channels: ['email'] }), 422);
      expect(error).toMatchObject({ code: 'customer_unreachable', issues: [{ path: 'channels', message: expect.stringMatching(/^includes email/) }] });
    }
    const consented = await resolvedCase({ surveyId: 'reach', answers: { nps: 1, contact: { consent: true, channel: 'email', address: 'ann@visitor.example' } } });
    for (const caseId of [anonymous, unsigned, consented]) {
      const error = await requests.refused(closeLoop(caseId, { message: 'Fixed.', channels: ['widget', 'email'] }), 422);
      expect(error).toMatchObject({ code: 'customer_unreachable', issues: [{ path: 'channels', message: expect.stringMatching(/^includes widget/) }] });
    }
    expect(await eventsOf(consented, 'loop_closed')).toEqual([]);
    expect((await requests.detail(consented)).case.version).toBe(2);
  });

  it('409 naming status while the case is not resolved (in progress included), and 422 for a bad request', async () => {
    const caseId = await requests.openSurveyCase({ respondent: jane });
    expect(await requests.refused(closeLoop(caseId, { message: 'Fixed.', channels: ['email'] }), 409)).toMatchObject({
      code: 'case_not_resolved',
      issues: [{ path: 'status', message: expect.stringMatching(/^is open: resolve the case first/) }],
    });
    await requests.change('PATCH', `/api/v1/follow-ups/${caseId}`, { status: 'in_progress', version: 1 });
    expect(await requests.refused(closeLoop(caseId, { message: 'Fixed.', channels: ['widget'] }), 409)).toMatchObject({ code: 'case_not_resolved' });
    const paths = async (body: unknown) => (await requests.refused(closeLoop(caseId, body), 422)).issues?.map((i) => i.path);
    expect(await paths({ message: ' ', channels: ['email'] })).toEqual(['message']);
    expect(await paths({ message: 'x'.repeat(2001), channels: ['email'] })).toEqual(['message']);
    expect(await paths({ message: 'Fixed.', channels: [] })).toEqual(['channels']);
    expect(await paths({ message: 'Fixed.', channels: ['sms'] })).toEqual(['channels.0']);
    expect(await paths({ message: 'Fixed.', channels: ['email', 'email'] })).toEqual(['channels']);
  });

  it("shows the message to the signed user in the widget's API, the loop_closed webhook fires, and seen is recorded once", async () => {
    let secret = '';
    const events: WebhookEvent[] = [];
    const receiver = await startHttpReceiver((request, res) => {
      events.push(WebhookEvent.parse(verifyWebhook(request.body, request.headers, secret)));
      res.writeHead(204).end();
    });
    receivers.push(receiver);
    const hook = await post(t.app, '/api/v1/webhooks', { url: receiver.url, events: ['follow_up.loop_closed'] }, requests.auth());
    secret = WebhookCreated.parse(await hook.json()).secret;
    const caseId = await resolvedCase({ respondent: jane });
    const other = await resolvedCase({ respondent: { anonymousId: 'anon-bo', userId: 'user-7', signature: signIdentity('shop-identity', 'user-7') } });
    runners.start(t.db, { mail: mailer });

    await requests.change('POST', `/api/v1/follow-ups/${caseId}/close-loop`, { message: 'We refunded your order.', channels: ['widget'] });
    await requests.change('POST', `/api/v1/follow-ups/${other}/close-loop`, { message: 'For Bo only.', channels: ['widget'] });

    const origin = { Origin: 'https://shop.example' };
    const inbox = async (user: string, signature: string | undefined) =>
      t.app.request(`/v1/messages?project=pk_shop&user=${user}${signature === undefined ? '' : `&signature=${signature}`}`, { headers: origin });
    const res = await inbox('user-42', jane.signature);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const { data } = MessageList.parse(await res.json());
    expect(data).toEqual([{ id: expect.any(String), body: 'We refunded your order.', createdAt: NOW.toISOString(), caseId }]);

    for (const signature of [undefined, signIdentity('shop-identity', 'user-7'), 'f'.repeat(64), 'nope']) {
      const refused = await inbox('user-42', signature);
      expect(refused.status).toBe(403);
      expect(await requests.refused(refused, 403)).toMatchObject({ code: 'identity_not_verified', issues: [{ path: 'signature' }] });
    }

    const messageId = data[0]!.id;
    const seen = (identity: object) => post(t.app, `/v1/messages/${messageId}/seen`, JSON.stringify(identity), { ...origin, 'Content-Type': 'text/plain;charset=UTF-8' });
    const identity = { project: 'pk_shop', user: 'user-42', signature: jane.signature };
    expect((await seen({ ...identity, signature: 'f'.repeat(64) })).status).toBe(403);
    expect((await seen({ project: 'pk_shop', user: 'user-7', signature: signIdentity('shop-identity', 'user-7') })).status).toBe(404);
    expect((await seen(identity)).status).toBe(204);
    expect((await seen(identity)).status).toBe(204);
    expect(MessageList.parse(await (await inbox('user-42', jane.signature)).json()).data).toEqual([]);
    expect(await eventsOf(caseId, 'message_seen')).toEqual([expect.objectContaining({ actor: { kind: 'customer' }, after: { messageId, channel: 'widget', userId: 'user-42' } })]);
    expect(await eventsOf(other, 'message_seen')).toEqual([]);
    expect(MessageList.parse(await (await inbox('user-7', signIdentity('shop-identity', 'user-7'))).json()).data.map((m) => m.body)).toEqual(['For Bo only.']);

    await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(['follow_up.loop_closed', 'follow_up.loop_closed']), { timeout: 3_000, interval: 10 });
    expect(events.map((e) => e.data.followUp.id).sort()).toEqual([caseId, other].sort());
    expect(smtp.received).toEqual([]);
  });
});
