// The whole loop in a real browser: the example shop with the script tag, an NPS survey on exit intent (which
// leaves the visitor's focus alone and is reached with Tab), a detractor's keyboard-only answer and comment, and the
// follow-up case it opens, read back through the management API.
import { FollowUp, MemberList, Page } from '@closeloop/sdk/schemas';
import { expect, test } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';

const FollowUpPage = Page(FollowUp);

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

test('a detractor who leaves through the top of the page gets a follow-up case', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });

  await page.goto(server.shopUrl);
  await expect(page.getByRole('heading', { name: 'Trail backpack' })).toBeVisible();
  // The UI chunk is loaded only when a survey is about to show.
  const uiRequested = page.waitForRequest(/closeloop-ui-[\w-]+\.js$/);

  // The visitor is somewhere on the page with the keyboard: the last of the shop's own controls has focus.
  const pageLink = page.getByRole('link', { name: 'Go to cart →' });
  await pageLink.focus();

  // Exit intent: the pointer moves over the page, then out through the top edge towards the tabs.
  await page.mouse.move(640, 300);
  await page.mouse.move(640, 40, { steps: 5 });
  await page.mouse.move(640, -10);

  // The dialog is named by the question on screen, so it is found by its first question, then followed as is.
  await expect(page.getByRole('dialog', { name: /recommend/i })).toBeVisible();
  const survey = page.getByRole('dialog');
  await uiRequested;

  // A survey that opened by itself announces itself politely and leaves focus where it was: typing on the page
  // never lands in the survey.
  await expect(survey.getByRole('status')).toHaveText(/recommend/i);
  await expect(pageLink).toBeFocused();

  // Keyboard only: Tab goes on from the end of the page (the feedback tab) into the survey, its close button first,
  // then the scale; arrows check a score, Enter sends it (and the survey moves on).
  await page.keyboard.press('Tab');
  await expect(page.locator('closeloop-feedback').getByRole('button', { name: 'Feedback' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(survey.getByRole('button', { name: 'Close survey' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(survey.getByRole('radio', { name: /^0/ })).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(survey.getByRole('radio', { name: '3', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const comment = survey.getByRole('textbox', { name: /main reason/i });
  await expect(comment).toBeFocused();
  await page.keyboard.type('Delivery took two weeks and nobody answered my email.');
  await survey.getByRole('button', { name: 'Submit' }).press('Enter');
  // An anonymous detractor is asked whether support may contact them (contact-step.spec.ts follows a yes); this one
  // skips it, with the keyboard.
  await expect(survey.getByRole('radiogroup', { name: 'May we contact you about this?' })).toBeVisible();
  await survey.getByRole('button', { name: 'Skip' }).press('Enter');
  await expect(survey.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await page.screenshot({ path: 'test-results/shop-thank-you.png' });

  // The case is there within seconds, with the score, the comment and the page it came from.
  await expect
    .poll(async () => FollowUpPage.parse(await server.management('/api/v1/follow-ups')).data, { timeout: 10_000 })
    .toHaveLength(1);
  const [followUp] = FollowUpPage.parse(await server.management('/api/v1/follow-ups')).data;
  // Routed by the demo's rules: an answer given outside the checkout and the cart goes to the team's first member;
  // an NPS of 3 is a high-priority case.
  const { data: members } = MemberList.parse(await server.management('/api/v1/members'));
  expect(followUp).toMatchObject({
    source: 'survey',
    surveyId: 'nps',
    status: 'open',
    priority: 'high',
    assigneeId: members.find((m) => m.name === 'Alex Support')?.id,
    reason: { question: 'nps', value: 3 },
  });
  await expect
    .poll(async () => {
      const [latest] = FollowUpPage.parse(await server.management('/api/v1/follow-ups')).data;
      return latest?.source === 'survey' ? latest.response : latest;
    })
    .toMatchObject({
      answers: { nps: 3, comment: 'Delivery took two weeks and nobody answered my email.' },
      finished: true,
      context: { url: server.shopUrl, trigger: 'exit-intent' },
    });
  if (followUp?.source !== 'survey') throw new Error('expected the case of a survey response');
  const due = Date.parse(followUp.dueAt) - Date.parse(followUp.response.answeredAt);
  expect(due).toBe(48 * 60 * 60 * 1000);

  // One response, however many steps and retries it took.
  const responses = (await server.management('/api/v1/responses')) as { data: unknown[] };
  expect(responses.data).toHaveLength(1);
  expect(problems).toEqual([]);
});
