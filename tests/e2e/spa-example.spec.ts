// The SPA example end to end: the npm SDK + widget in a Vite production build, a signed identity from the example
// backend, a survey on a route change (no page load between routes) and another after checkout, and both
// answers stored once, as the verified demo user.
import { Page as ApiPage, StoredResponse } from '@closeloop/sdk/schemas';
import { expect, test, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { startExampleApps, type ExampleApps } from './fixtures/example-apps.js';

const ResponsePage = ApiPage(StoredResponse);

let server: DemoServer;
let apps: ExampleApps | undefined;
test.beforeEach(async () => {
  apps = undefined;
  server = await startDemoServer();
  apps = await startExampleApps(server);
});
test.afterEach(async () => {
  await apps?.stop();
  await server.stop();
});

async function placeOrder(page: Page): Promise<void> {
  await page.getByRole('link', { name: /Cart \(1\)/ }).click();
  await page.getByRole('link', { name: 'Checkout' }).click();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your order' })).toBeVisible();
}

test('a shopper gets one survey on a product route and another after checkout, answers stored as the verified user', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  let documentLoads = 0;
  page.on('request', (request) => {
    if (request.resourceType() === 'document') documentLoads++;
  });

  if (!apps) throw new Error('the example apps did not start');
  await page.goto(apps.spaUrl);
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  // No survey and no widget bytes on the landing route.
  const widgetLoaded = page.waitForRequest(/\/assets\/src-[\w-]+\.js$/);

  // A route change to /products/* (a page-view URL rule), not a page load, shows the product survey.
  await page.getByRole('link', { name: 'Ridge boots' }).click();
  await expect(page.getByRole('heading', { name: 'Ridge boots' })).toBeVisible();
  // The dialog is named by the question on screen: found by it, then followed as is.
  await expect(page.getByRole('dialog', { name: /find this product/i })).toBeVisible();
  await widgetLoaded;
  const productSurvey = page.getByRole('dialog');
  await page.screenshot({ path: 'test-results/spa-product-survey.png' });
  await productSurvey.getByRole('radio', { name: /^2/ }).click();
  await expect(productSurvey.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await productSurvey.getByRole('button', { name: 'Done' }).click();
  await expect(productSurvey).toBeHidden();

  // A small order (€24): the checkout survey's filter `total > 100` holds it back.
  await page.getByRole('link', { name: 'Catalog' }).click();
  await page.getByRole('button', { name: 'Add Steel flask to cart' }).click();
  await placeOrder(page);
  await page.waitForTimeout(1_000);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // A large one (€149): asked.
  await page.getByRole('link', { name: 'Catalog' }).click();
  await page.getByRole('button', { name: 'Add Ridge boots to cart' }).click();
  await placeOrder(page);

  await expect(page.getByRole('dialog', { name: /checking out/i })).toBeVisible();
  const checkoutSurvey = page.getByRole('dialog');
  await checkoutSurvey.getByRole('radio', { name: /^4/ }).click();
  await checkoutSurvey.getByRole('textbox').fill('Smooth, but show delivery dates earlier.');
  await page.screenshot({ path: 'test-results/spa-checkout-survey.png' });
  await checkoutSurvey.getByRole('button', { name: 'Submit' }).click();
  await expect(checkoutSurvey.getByRole('heading', { name: /Thanks for your order/ })).toBeVisible();
  expect(documentLoads).toBe(1);

  await expect
    .poll(async () => ResponsePage.parse(await server.management('/api/v1/responses')).data.filter((r) => r.finished).length, { timeout: 10_000 })
    .toBe(2);
  const { data } = ResponsePage.parse(await server.management('/api/v1/responses'));
  const bySurvey = Object.fromEntries(data.map((r) => [r.surveyId, r]));
  expect(data).toHaveLength(2);
  expect(bySurvey['spa-product']).toMatchObject({ answers: { ces: 2 }, respondent: { userId: 'demo-user-42', verified: true } });
  expect(bySurvey['spa-checkout']).toMatchObject({
    answers: { csat: 4, comment: 'Smooth, but show delivery dates earlier.' },
    respondent: { userId: 'demo-user-42', verified: true, attributes: { plan: 'pro' } },
  });
  expect(new URL(bySurvey['spa-checkout']?.context.url ?? '').pathname).toMatch(/^\/orders\/\d+$/);
  expect(problems).toEqual([]);
});
