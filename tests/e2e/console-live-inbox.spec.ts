// The inbox is live: a detractor who answers on the example shop shows up in an inbox that is already open, within
// seconds and without a reload (server-sent events from GET /api/v1/events).
import { expect, test } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { signIn } from './fixtures/console.js';

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

test('a detractor answered on the shop appears in an open inbox without a reload', async ({ page, browser }) => {
  await signIn(page, server.origin, 'admin');
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  const comment = `The parcel came broken ${Date.now()}.`;
  await expect(page.getByText(comment)).toHaveCount(0);
  // Any navigation of the inbox page from here on would be a reload.
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });

  // A shopper, in a browser of their own, leaves through the top of the page and answers the survey.
  const shopper = await browser.newContext();
  const shop = await shopper.newPage();
  await shop.goto(server.shopUrl);
  await expect(shop.getByRole('heading', { name: 'Trail backpack' })).toBeVisible();
  await shop.mouse.move(640, 300);
  await shop.mouse.move(640, 40, { steps: 5 });
  await shop.mouse.move(640, -10);
  const survey = shop.getByRole('dialog', { name: /recommend/i });
  await expect(survey).toBeVisible();
  await survey.getByRole('radio', { name: '2', exact: true }).click();
  await survey.getByRole('textbox', { name: /main reason/i }).fill(comment);
  await survey.getByRole('button', { name: 'Submit' }).click();
  await survey.getByRole('button', { name: 'Skip' }).click();
  await expect(shop.getByRole('dialog').getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await shopper.close();

  const row = page.getByRole('list', { name: 'Cases, most urgent first' }).getByRole('link').filter({ hasText: comment });
  await expect(row).toBeVisible({ timeout: 10_000 });
  await expect(row).toContainText('NPS 2');
  await expect(row).toContainText('High priority');
  await expect(row).toContainText(/\d+ (d|h)( \d+ (h|min))? left/);
  expect(navigations).toBe(0);
});
