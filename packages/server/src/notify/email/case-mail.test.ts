import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpReceiver } from '@closeloop/test-receivers/smtp-receiver';
import type { SmtpReceiver } from '@closeloop/test-receivers/smtp-receiver';
import type { CaseNotice } from '../case-notice.js';
import { buildCaseMail } from './case-mail.js';
import { createMailTransport } from './mail-transport.js';
import { sendMail } from './send-mail.js';

let smtp: SmtpReceiver;
beforeEach(async () => {
  smtp = await startSmtpReceiver();
});
afterEach(async () => {
  await smtp.close();
});

const notice: CaseNotice = {
  projectName: 'Demo Shop',
  caseUrl: 'https://feedback.example/console/cases/0193a1b2',
  source: { kind: 'survey', surveyName: 'After checkout' },
  score: { questionType: 'nps', value: 3 },
  comment: 'Card refused <script>alert("x")</script> & no help.',
  customer: { name: 'Jane Doe', email: 'jane@shop.example', userId: 'user-42' },
  contact: null,
  customerValue: { attribute: 'mrr', value: 1200 },
  priority: 'high',
  dueAt: new Date('2026-11-25T10:00:00.000Z'),
  assigneeName: 'Sam',
};

async function deliver(message: ReturnType<typeof buildCaseMail>) {
  const transport = createMailTransport({ smtpUrl: smtp.url, from: 'cases@closeloop.example' });
  const delivery = await sendMail(transport, { from: 'cases@closeloop.example', projectName: 'Demo Shop' }, message);
  transport.close();
  return delivery;
}

describe('buildCaseMail, sent over SMTP', () => {
  it('tells the assignee of a new case: subject, facts, the comment, the link, in plain text and HTML', async () => {
    const delivery = await deliver(buildCaseMail(notice, 'opened', ['sam@shop.example']));

    expect(delivery).toMatchObject({ ok: true, error: null });
    const [received] = smtp.received;
    expect(received?.login).toEqual({ username: 'mailer', password: 's3cret' });
    expect(received?.to).toEqual(['sam@shop.example']);
    const mail = received!.mail;
    expect(mail.subject).toBe('New follow-up case: NPS 3/10 from Jane Doe · jane@shop.example · user user-42');
    expect(mail.from?.value).toEqual([{ name: 'Demo Shop', address: 'cases@closeloop.example' }]);
    expect(mail.text).toContain('Customer: Jane Doe · jane@shop.example · user user-42');
    expect(mail.text).toContain('mrr: 1200');
    expect(mail.text).toContain('Priority: High');
    expect(mail.text).toContain('Due: 2026-11-25 10:00 UTC');
    expect(mail.text).toContain('Assignee: Sam');
    expect(mail.text).toContain('> Card refused <script>alert("x")</script> & no help.');
    expect(mail.text).toContain('Open the case: https://feedback.example/console/cases/0193a1b2');
    expect(mail.html).toContain('<a href="https://feedback.example/console/cases/0193a1b2">Open the case</a>');
  });

  it('escapes what the customer typed in the HTML part, so a <script> stays text', async () => {
    await deliver(buildCaseMail(notice, 'opened', ['sam@shop.example']));
    const html = String(smtp.received[0]?.mail.html);
    expect(html).toContain('Card refused &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; no help.');
    expect(html).not.toContain('<script');
  });

  it('tells the team when the case is overdue, nobody assigned', async () => {
    await deliver(buildCaseMail({ ...notice, assigneeName: null, customer: null }, 'overdue', ['ana@shop.example', 'bo@shop.example']));
    const [received] = smtp.received;
    expect(received?.to).toEqual(['ana@shop.example', 'bo@shop.example']);
    expect(received?.mail.subject).toBe('Overdue follow-up case: NPS 3/10 from Anonymous visitor');
    expect(received?.mail.text).toContain('It was due 2026-11-25 10:00 UTC and is not resolved yet.');
    expect(received?.mail.text).toContain('Assignee: Nobody yet');
  });

  it('says how an anonymous customer agreed to be reached', async () => {
    await deliver(buildCaseMail({ ...notice, customer: null, contact: { consent: true, channel: 'phone', address: '+4712345678' } }, 'opened', ['sam@shop.example']));
    const { mail } = smtp.received[0]!;
    expect(mail.text).toContain('Customer: Anonymous visitor\nContact: Phone +4712345678\n');
    expect(String(mail.html)).toContain('<th align="left" style="padding:2px 12px 2px 0">Contact</th><td>Phone +4712345678</td>');
  });

  it('reports a refused recipient as a failed delivery, without throwing', async () => {
    await smtp.close();
    smtp = await startSmtpReceiver({ refuse: (to) => to === 'gone@shop.example' });
    const delivery = await deliver(buildCaseMail(notice, 'opened', ['gone@shop.example']));
    expect(delivery).toMatchObject({ ok: false, messageId: null });
    expect(delivery.error).toMatch(/550/);
    expect(smtp.received).toHaveLength(0);
  });

  it('reports an unreachable mail server as a failed delivery', async () => {
    const url = smtp.url;
    await smtp.close();
    const transport = createMailTransport({ smtpUrl: url, from: 'cases@closeloop.example' });
    const delivery = await sendMail(transport, { from: 'cases@closeloop.example', projectName: 'Demo Shop' }, buildCaseMail(notice, 'opened', ['sam@shop.example']));
    expect(delivery).toMatchObject({ ok: false, messageId: null });
    expect(delivery.error).toMatch(/ECONNREFUSED/);
    smtp = await startSmtpReceiver();
  });
});
