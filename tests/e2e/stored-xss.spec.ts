// Stored XSS, end to end: every text a survey author, a customer or an agent can store holds markup meant to run
// (an <img onerror>, a <script>, a javascript: link), and each place that shows it shows it as text: the widget on
// the shop (question, choice labels, thank-you), the console (inbox, the case with its comment and the customer's
// attributes, the results' comments), the widget's close-the-loop message, the Slack message (mrkdwn `<>&`
// escaped, so no link or mention is forged) and the staff email, whose HTML as the SMTP server got it is rendered
// in the browser. Nothing sets window.__xss anywhere, and the literal text is on screen.
import { createManagementClient, signIdentity } from '@closeloop/sdk/node';
import { FollowUp, Page as PageOf } from '@closeloop/sdk/schemas';
import { expect, test, type Page } from '@playwright/test';
import { startHttpReceiver, type HttpReceiver } from '@closeloop/test-receivers/http-receiver';
import { startSmtpReceiver, type SmtpReceiver } from '@closeloop/test-receivers/smtp-receiver';
import { signIn } from './fixtures/console.js';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { closeloop } from './fixtures/test-page.js';

/** Markup that runs if it is ever parsed as HTML, and names where it was stored. */
const hostile = (where: string) => `${where} <img src=x onerror="window.__xss='${where}'"><script>window.__xss='${where}'</script><a href="javascript:window.__xss='${where}'">go</a> & <!channel>`;

const TEXTS = {
  prompt: hostile('prompt'),
  choice: hostile('choice'),
  thanks: hostile('thanks'),
  comment: hostile('comment'),
  attribute: hostile('attribute'),
  message: hostile('message'),
};
const USER = 'customer-xss';
const IDENTITY_SECRET = 'demo-identity-secret';

let server: DemoServer;
let smtp: SmtpReceiver;
let slack: HttpReceiver;
test.beforeEach(async () => {
  smtp = await startSmtpReceiver();
  slack = await startHttpReceiver((_, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
  server = await startDemoServer({ env: { CLOSELOOP_SMTP_URL: smtp.url, CLOSELOOP_MAIL_FROM: 'cases@shop.example' } });
});
test.afterEach(async () => {
  await server.stop();
  await slack.close();
  await smtp.close();
});

/** Nothing ran: no script set the flag, no javascript: link exists to click, no stray element from the markup. */
async function expectNothingRan(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  // Playwright's CSS pierces open shadow roots: the widget's are searched too.
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
}

test('markup stored anywhere shows as text in the widget, the console, Slack and email, and never runs', async ({ browser }) => {
  test.setTimeout(120_000);
  const client = createManagementClient({ host: server.origin, secretKey: 'sk_demo', retry: 0 });
  await client.integrations.slack.put(slack.url);
  // New cases of the survey go to one member, who is mailed the case with the customer's attributes.
  const members = (await server.management('/api/v1/members')) as { data: { id: string; email: string }[] };
  const staff = members.data.find((m) => m.email === 'alex@demo-shop.example')!;
  await server.putSurvey({
    id: 'hostile',
    name: 'Hostile texts',
    questions: [
      { id: 'nps', type: 'nps', prompt: TEXTS.prompt, required: true },
      { id: 'topic', type: 'single_choice', prompt: 'What was it about?', options: [{ id: 'a', label: TEXTS.choice }, { id: 'b', label: 'Shipping' }] },
      { id: 'comment', type: 'text', prompt: 'Tell us more' },
    ],
    thankYou: { title: TEXTS.thanks, body: TEXTS.thanks },
    followUp: { enabled: true, routing: [{ to: { memberId: staff.id } }] },
  });

  // The widget, on the shop, for a signed customer whose attributes hold markup.
  const context = await browser.newContext();
  const shop = await context.newPage();
  const signature = signIdentity(IDENTITY_SECRET, USER);
  await shop.addInitScript(
    ([user, sig, attribute]) => {
      const w = window as unknown as { closeloop?: ((...args: unknown[]) => void) & { q?: unknown[] } };
      w.closeloop ||= function (...args: unknown[]) {
        (w.closeloop!.q ||= []).push(args);
      };
      w.closeloop('identify', user, { email: 'ann@example.com', name: attribute, plan: attribute }, { signature: sig });
    },
    [USER, signature, TEXTS.attribute] as const,
  );
  const configLoaded = shop.waitForResponse((r) => r.url().includes('/v1/config'));
  await shop.goto(server.shopUrl);
  await configLoaded;
  await closeloop(shop, 'show', 'hostile');
  const survey = shop.locator('closeloop-widget').getByRole('dialog');
  await expect(survey.getByRole('heading', { name: TEXTS.prompt, exact: true })).toBeVisible();
  await survey.getByRole('radio', { name: '2', exact: true }).click();
  await expect(survey.getByText(TEXTS.choice, { exact: true }).first()).toBeVisible();
  await survey.getByRole('radio', { name: TEXTS.choice }).click();
  await survey.getByRole('button', { name: /Next|Submit/ }).click();
  await survey.getByRole('textbox').fill(TEXTS.comment);
  await survey.getByRole('button', { name: 'Submit' }).click();
  await expect(survey.getByRole('heading', { name: TEXTS.thanks })).toBeVisible();
  await expect(survey.getByText(TEXTS.thanks, { exact: true }).last()).toBeVisible();
  await expectNothingRan(shop);

  await expect.poll(async () => PageOf(FollowUp).parse(await server.management('/api/v1/follow-ups')).data, { timeout: 15_000 }).toHaveLength(1);
  const caseId = PageOf(FollowUp).parse(await server.management('/api/v1/follow-ups')).data[0]!.id;

  // Slack: the customer's words reach the channel escaped, so they cannot ping it or forge a link. The case opened
  // with the score; its notices waited for the comment, so the message carries it.
  await expect.poll(() => slack.requests.length, { timeout: 15_000 }).toBe(1);
  const slackBody = slack.requests[0]!.body;
  expect(slackBody).toContain('comment &lt;img');
  expect(slackBody).toContain('&lt;!channel&gt;');
  expect(slackBody).toContain('&amp;');
  expect(slackBody).not.toMatch(/<!channel>|<img|<script|<javascript:/);

  // The console: the inbox, the case (comment and attributes), the results' comments.
  const consolePage = await context.newPage();
  await signIn(consolePage, server.origin, 'admin');
  await expect(consolePage.getByText(TEXTS.comment).first()).toBeVisible();
  await expectNothingRan(consolePage);
  await consolePage.goto(`${server.origin}/console/cases/${caseId}`);
  await expect(consolePage.getByRole('region', { name: 'What the customer said' })).toContainText(TEXTS.comment);
  await expect(consolePage.getByRole('region', { name: 'Customer and context' })).toContainText(TEXTS.attribute);
  await expectNothingRan(consolePage);
  // Results: the detractor themes are read from the comment (words, never markup), and the responses list shows it.
  await consolePage.goto(`${server.origin}/console/results`);
  await expect(consolePage.getByRole('list', { name: 'Words, most frequent first' })).toContainText('onerror');
  await expectNothingRan(consolePage);
  await consolePage.goto(`${server.origin}/console/results/responses`);
  await expect(consolePage.getByText(TEXTS.comment).first()).toBeVisible();
  await expectNothingRan(consolePage);

  // The close-the-loop message, on the customer's next page view.
  await client.followUps.resolve(caseId, { resolution: 'fixed', summary: 'Answered' });
  await client.followUps.closeLoop(caseId, { message: TEXTS.message, channels: ['widget', 'email'] });
  const next = await context.newPage();
  await next.goto(server.shopUrl);
  const panel = next.getByRole('dialog', { name: 'A reply to your feedback' });
  await expect(panel).toContainText(TEXTS.message);
  await expectNothingRan(next);

  // Email: the staff mail of the new case and the customer's mail closing the loop, their HTML as the SMTP server
  // got it, rendered in the browser.
  await expect.poll(() => smtp.received.map((m) => m.to.join()).sort(), { timeout: 15_000 }).toEqual(['alex@demo-shop.example', 'ann@example.com']);
  // The staff mail, sent once the comment came: it carries the comment and the customer's attributes.
  for (const [to, text] of [
    ['alex@demo-shop.example', TEXTS.comment],
    ['alex@demo-shop.example', TEXTS.attribute],
    ['ann@example.com', TEXTS.message],
  ] as const) {
    const html = smtp.received.find((m) => m.to.includes(to))!.mail.html;
    expect(typeof html).toBe('string');
    const mail = await context.newPage();
    await mail.setContent(html as string);
    await expect(mail.getByText(text, { exact: false }).first()).toBeVisible();
    await expectNothingRan(mail);
    await mail.close();
  }
  await context.close();
});
