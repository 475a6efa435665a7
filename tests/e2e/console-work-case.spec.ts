// Working a case in the console from start to end, as an agent: opened → assigned to me → a contact note →
// resolved with a root cause → the loop closed by email with the customer's words quoted in the preview. Each
// step is checked on the case's timeline and, at the end, through the API.
import { CaseDetail } from '@closeloop/sdk/schemas';
import { expect, test } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { answerDetractor, signIn } from './fixtures/console.js';

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

test('an agent works a case from opened to loop closed', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const caseId = await answerDetractor(server.origin, { comment: 'Delivery took two weeks.', contactEmail: 'customer@example.com' });

  await signIn(page, server.origin, 'agent');
  await page.getByRole('list', { name: 'Cases, most urgent first' }).getByRole('link').filter({ hasText: 'Delivery took two weeks.' }).click();
  await expect(page).toHaveURL(`${server.origin}/console/cases/${caseId}`);
  await expect(page.getByRole('region', { name: 'What the customer said' })).toContainText('Delivery took two weeks.');
  await expect(page.getByRole('region', { name: 'Customer and context' })).toContainText('Agreed, by email: customer@example.com');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText('Case opened');

  // Assigned to me.
  await page.getByRole('button', { name: 'Assign to me' }).click();
  await expect(timeline).toContainText('Assigned to Demo Agent');
  await expect(page.getByRole('button', { name: 'Assign to me' })).toHaveCount(0);

  // Work starts: the status offers only the moves the server allows.
  const status = page.getByLabel('Status');
  expect(await status.locator('option').allTextContents()).toEqual(['Open', 'In progress', 'Waiting on customer']);
  await status.selectOption('in_progress');
  await expect(timeline).toContainText('Status changed from Open to In progress');

  // A contact with the customer.
  await page.getByLabel('Contact with the customer').check();
  await page.getByLabel('What was said').fill('Called the customer, a new parcel goes out today.');
  await page.getByRole('button', { name: 'Record contact' }).click();
  await expect(timeline).toContainText('Contacted the customer');
  await expect(timeline).toContainText('Called the customer, a new parcel goes out today.');

  // Resolved.
  await page.getByLabel('Resolution').selectOption('fixed');
  await page.getByLabel('Summary').fill('Sent a new parcel by express.');
  await page.getByRole('button', { name: 'Resolve case' }).click();
  await expect(timeline).toContainText('Resolved: Fixed');

  // The loop closed, by email, after looking at the preview.
  await expect(page.getByRole('heading', { name: 'Close the loop' })).toBeVisible();
  await page.getByLabel('Message to the customer').fill('Your new parcel left today by express.\n\nSorry for the wait.');
  const preview = page.getByRole('group', { name: 'Preview of what the customer will see' });
  await expect(preview).toContainText('By email to customer@example.com');
  await expect(preview).toContainText('You told us:');
  await expect(preview).toContainText('Delivery took two weeks.');
  await expect(preview).toContainText('Sorry for the wait.');
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${process.env.CLOSELOOP_SCREENS ?? 'test-results/console'}/case-close-loop-light-1280.png` });
  await page.getByRole('button', { name: 'Send to the customer' }).click();
  await expect(timeline).toContainText('Loop closed: message sent by email to customer@example.com');

  const detail = CaseDetail.parse(await server.management(`/api/v1/follow-ups/${caseId}`));
  expect(detail.case.status).toBe('resolved');
  expect(detail.case.firstContactAt).not.toBeNull();
  expect(detail.timeline.map((event) => event.type)).toEqual(expect.arrayContaining(['opened', 'assigned', 'status_changed', 'contacted', 'resolved', 'loop_closed']));
  // Every change was made by the signed-in member, not by a key.
  expect(detail.timeline.filter((event) => event.type === 'contacted').map((event) => event.actor.kind)).toEqual(['member']);
  expect(pageErrors).toEqual([]);
});
