// The feedback button end to end in a real browser: the demo shop's tab, opened and filled with the keyboard only,
// a "problem" that becomes a follow-up case on the real server, read back through the management API.
import { FollowUp, Page, StoredFeedback } from '@closeloop/sdk/schemas';
import { expect, test } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';

const FollowUpPage = Page(FollowUp);
const FeedbackPage = Page(StoredFeedback);

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

test('a visitor reports a problem with the keyboard and it becomes a follow-up case', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  const chunks: string[] = [];
  page.on('request', (request) => {
    if (/closeloop-(ui|feedback)-[\w-]+\.js$/.test(request.url())) chunks.push(new URL(request.url()).pathname);
  });

  await page.goto(server.shopUrl);
  const tab = page.getByRole('button', { name: 'Feedback', exact: true });
  await expect(tab).toBeVisible();
  await expect(tab).toHaveAttribute('aria-expanded', 'false');
  // Only the tab so far: the form's chunk loads when the visitor asks for it.
  expect(chunks).toEqual([]);

  // Keyboard only: Tab through the page until the feedback tab has focus, then Enter.
  for (let i = 0; i < 30 && !(await tab.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(tab).toBeFocused();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Send feedback' });
  await expect(dialog).toBeVisible();
  await expect(tab).toHaveAttribute('aria-expanded', 'true');
  expect(chunks).toEqual([expect.stringMatching(/^\/closeloop-feedback-/)]);
  // Focus starts on the category group; arrows move through it as native radios do.
  await expect(dialog.getByRole('radio', { name: 'Idea' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio', { name: 'Problem' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: 'Your feedback' })).toBeFocused();
  await page.keyboard.type('The discount code SUMMER is refused at checkout.');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: /Email/ })).toBeFocused();
  await page.keyboard.type('ana@example.com');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Send' })).toBeFocused();
  await page.screenshot({ path: 'test-results/feedback-form.png' });
  await page.keyboard.press('Enter');

  await expect(dialog.getByRole('status')).toHaveText('Thank you! We received your feedback.');
  await expect(dialog.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
  await page.screenshot({ path: 'test-results/feedback-sent.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(tab).toBeFocused();

  // The case is on the server within seconds: open, due 48 hours after it was sent, with the feedback in it.
  await expect
    .poll(async () => FollowUpPage.parse(await server.management('/api/v1/follow-ups')).data, { timeout: 10_000 })
    .toHaveLength(1);
  const [followUp] = FollowUpPage.parse(await server.management('/api/v1/follow-ups')).data;
  if (followUp?.source !== 'feedback') throw new Error(`expected a feedback case, got ${JSON.stringify(followUp)}`);
  expect(followUp).toMatchObject({
    status: 'open',
    assigneeId: null,
    feedback: {
      category: 'problem',
      comment: 'The discount code SUMMER is refused at checkout.',
      email: 'ana@example.com',
      context: { url: server.shopUrl },
    },
  });
  expect(Date.parse(followUp.dueAt) - Date.parse(followUp.feedback.sentAt)).toBe(48 * 60 * 60 * 1000);
  const feedback = FeedbackPage.parse(await server.management('/api/v1/feedback')).data;
  expect(feedback.map((f) => f.id)).toEqual([followUp.feedback.id]);
  expect(problems).toEqual([]);
});
