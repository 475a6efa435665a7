import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpReceiver } from '@closeloop/test-receivers/smtp-receiver';
import type { SmtpReceiver } from '@closeloop/test-receivers/smtp-receiver';
import { buildCloseLoopMail, closeLoopLanguage } from './close-loop-mail.js';
import type { CloseLoopMailInput } from './close-loop-mail.js';
import { createMailTransport } from './mail-transport.js';
import { sendMail } from './send-mail.js';

let smtp: SmtpReceiver;
beforeEach(async () => {
  smtp = await startSmtpReceiver();
});
afterEach(async () => {
  await smtp.close();
});

const input: CloseLoopMailInput = {
  projectName: 'Demo Shop',
  to: 'jane@shop.example',
  customerName: 'Jane',
  locale: 'en-GB',
  customerSaid: 'The discount code is refused at checkout.',
  reply: 'We fixed the discount code.\n\nIt works again since this morning; sorry for the trouble.',
};

async function receive(message: ReturnType<typeof buildCloseLoopMail>) {
  const transport = createMailTransport({ smtpUrl: smtp.url, from: 'feedback@closeloop.example' });
  const delivery = await sendMail(transport, { from: 'feedback@closeloop.example', projectName: 'Demo Shop' }, message);
  transport.close();
  expect(delivery.ok).toBe(true);
  const mail = smtp.received.at(-1)?.mail;
  if (mail === undefined) throw new Error('no mail arrived');
  return mail;
}

describe('buildCloseLoopMail, sent over SMTP', () => {
  it('tells the customer what they told us and what we did, signed with the project, from the project', async () => {
    const mail = await receive(buildCloseLoopMail(input));
    expect(mail.from?.value).toEqual([{ name: 'Demo Shop', address: 'feedback@closeloop.example' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([{ name: '', address: 'jane@shop.example' }]);
    expect(mail.subject).toBe('Your feedback to Demo Shop');
    expect(mail.text).toBe(
      [
        'Hi Jane,',
        '',
        'You told us:',
        '> The discount code is refused at checkout.',
        '',
        'We fixed the discount code.',
        '',
        'It works again since this morning; sorry for the trouble.',
        '',
        'Best regards,',
        'Demo Shop',
        '',
      ].join('\n'),
    );
    expect(mail.html).toContain('<p>We fixed the discount code.</p>');
    expect(mail.html).toContain('<blockquote');
    expect(mail.html).toContain('Demo Shop');
    expect(mail.html).not.toMatch(/closeloop/i);
    expect(mail.headers.get('content-language')).toBe('en');
  });

  it('is written in the language of the customer\'s response', async () => {
    const mail = await receive(buildCloseLoopMail({ ...input, locale: 'sv-SE' }));
    expect(mail.subject).toBe('Din feedback till Demo Shop');
    expect(mail.text).toMatch(/^Hej Jane,\n\nDu skrev till oss:\n/);
    expect(mail.text).toContain('Vänliga hälsningar,\nDemo Shop');
    expect(mail.html).toContain('lang="sv"');
    expect(mail.headers.get('content-language')).toBe('sv');
  });

  it('reads right to left in Arabic', async () => {
    const mail = await receive(buildCloseLoopMail({ ...input, locale: 'ar-EG', customerName: null }));
    expect(mail.subject).toBe('ملاحظاتك حول Demo Shop');
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.html).toContain('lang="ar"');
    expect(mail.text?.startsWith('مرحبًا،\n')).toBe(true);
  });

  it('escapes the customer\'s words and the agent\'s text in HTML', async () => {
    const mail = await receive(
      buildCloseLoopMail({ ...input, customerSaid: '<script>alert(1)</script>', reply: 'Use <b>code</b> SAVE10 & enjoy', projectName: 'A&B <Shop>' }),
    );
    const html = String(mail.html);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Use &lt;b&gt;code&lt;/b&gt; SAVE10 &amp; enjoy');
    expect(html).toContain('A&amp;B &lt;Shop&gt;');
    expect(html).not.toContain('<script');
    expect(mail.text).toContain('> <script>alert(1)</script>');
  });

  it('takes names literally, even with $ patterns in them', async () => {
    const mail = await receive(buildCloseLoopMail({ ...input, projectName: "Shop $& $' Co", customerName: 'Jo $1' }));
    expect(mail.subject).toBe("Your feedback to Shop $& $' Co");
    expect(mail.text).toMatch(/^Hi Jo \$1,\n/);
    expect(String(mail.html)).toContain('<p>Hi Jo $1,</p>');
  });

  it('leaves out "you told us" when the customer wrote nothing', async () => {
    const mail = await receive(buildCloseLoopMail({ ...input, customerSaid: null }));
    expect(mail.text).not.toContain('You told us');
    expect(mail.text).toMatch(/^Hi Jane,\n\nWe fixed the discount code\./);
  });
});

describe('closeLoopLanguage', () => {
  it.each([
    ['en-US', 'en'],
    ['sv', 'sv'],
    ['nl-BE', 'nl'],
    ['nb-NO', 'nb'],
    ['no', 'nb'],
    ['nn-NO', 'nb'],
    ['pl-PL', 'pl'],
    ['DE-at', 'de'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['ar', 'ar'],
    ['ja-JP', 'en'],
    [undefined, 'en'],
    ['', 'en'],
  ])('%s → %s', (locale, language) => {
    expect(closeLoopLanguage(locale)).toBe(language);
  });
});
