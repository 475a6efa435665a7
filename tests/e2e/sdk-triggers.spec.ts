// The SDK's triggers in real Chromium through the script tag: scroll depth, a click on a selector, and a
// single-page-app route change matched by a URL rule. Each survey has only the trigger under test.
import { expect, test, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { npsWith } from './fixtures/surfaces.js';
import { serveTestFiles, widgetPage } from './fixtures/test-page.js';

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

/** Opens the page and waits until the core has its config, so a "no survey yet" check means something. */
async function open(page: Page, path: string, html: string): Promise<void> {
  await serveTestFiles(page, server, { [path]: { body: html } });
  const configLoaded = page.waitForResponse((r) => r.url().includes('/v1/config'));
  await page.goto(server.origin + path);
  await configLoaded;
  await page.waitForTimeout(300);
}

const survey = (page: Page) => page.getByRole('dialog', { name: /recommend/i });

test('scroll depth: shows at 60 % of the page, not at 40 %', async ({ page }) => {
  await server.putSurvey(npsWith([{ type: 'scroll', percent: 60 }]));
  await open(page, '/e2e/long.html', widgetPage({ title: 'A long article', body: '<div style="height: 4000px"></div>' }));

  // 800 px viewport on a ~4100 px page: (scrollY + 800) / height ≈ 40 % at scrollY 850.
  await page.mouse.move(600, 400);
  await page.mouse.wheel(0, 850);
  await expect.poll(() => page.evaluate(() => (scrollY + innerHeight) / document.documentElement.scrollHeight)).toBeGreaterThan(0.35);
  await page.waitForTimeout(500);
  await expect(survey(page)).toHaveCount(0);

  await page.mouse.wheel(0, 1000);
  await expect(survey(page)).toBeVisible();
  const depth = await page.evaluate(() => (scrollY + innerHeight) / document.documentElement.scrollHeight);
  expect(depth).toBeGreaterThanOrEqual(0.6);
});

test('click: the survey UI loads as the pointer comes over a matching element, and a click inside it shows it, even when the host stops propagation', async ({ page }) => {
  await server.putSurvey(npsWith([{ type: 'click', selector: '[data-plan] button', text: 'upgrade' }]));
  await open(
    page,
    '/e2e/pricing.html',
    widgetPage({
      title: 'Pricing',
      body: `<section data-plan="pro">
  <button type="button" id="compare">Compare plans</button>
  <button type="button" id="upgrade"><span>Upgrade</span> to Pro</button>
</section>
<script>document.getElementById('upgrade').addEventListener('click', (e) => e.stopPropagation());</script>`,
    }),
  );

  const uiChunk: string[] = [];
  page.on('request', (request) => void (/closeloop-ui-/.test(request.url()) && uiChunk.push(request.url())));

  // Matches the selector but not the text: nothing, not even the UI.
  await page.getByRole('button', { name: 'Compare plans' }).click();
  await page.waitForTimeout(500);
  await expect(survey(page)).toHaveCount(0);
  expect(uiChunk).toEqual([]);

  // The pointer over the button the survey waits for: its UI loads before the click.
  await page.getByText('Upgrade', { exact: true }).hover();
  await expect.poll(() => uiChunk.length).toBe(1);
  await expect(survey(page)).toHaveCount(0);

  // A click on the inner <span>: `closest()` finds the button, whose text contains "upgrade".
  await page.getByText('Upgrade', { exact: true }).click();
  await expect(survey(page)).toBeVisible();
  expect(uiChunk).toHaveLength(1);
});

test('SPA navigation: a pushState route change to a matching URL shows it, and another script’s history patch still runs', async ({ page }) => {
  await server.putSurvey(npsWith([{ type: 'page-view', urls: { match: 'any', rules: [{ op: 'glob', value: '/e2e/app/checkout/*' }] } }]));
  // The host app's own router patches history before Closeloop loads, as analytics and routers do.
  const appScript = `<script>
  window.patchedCalls = 0;
  const original = history.pushState;
  history.pushState = function (...args) { window.patchedCalls++; return original.apply(this, args); };
  function go(path) { history.pushState({}, '', path); document.querySelector('h1').textContent = path; }
</script>`;
  await open(
    page,
    '/e2e/app/cart',
    widgetPage({
      title: 'Cart',
      head: appScript,
      body: `<button type="button" onclick="go('/e2e/app/products')">Products</button>
<button type="button" onclick="go('/e2e/app/checkout/done')">Pay</button>`,
    }),
  );
  const loads: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'document') loads.push(r.url());
  });

  // A route that does not match: nothing.
  await page.getByRole('button', { name: 'Products' }).click();
  await page.waitForTimeout(500);
  await expect(survey(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(survey(page)).toBeVisible();
  expect(page.url()).toBe(`${server.origin}/e2e/app/checkout/done`);
  expect(await page.evaluate(() => (window as unknown as { patchedCalls: number }).patchedCalls)).toBe(2);
  expect(loads).toEqual([]);
});

test('SPA navigation: a hash route (#/pricing) matched on the full URL shows it', async ({ page }) => {
  await server.putSurvey(npsWith([{ type: 'page-view', urls: { match: 'any', rules: [{ op: 'contains', value: '#/pricing', on: 'url' }] } }]));
  await open(page, '/e2e/hash-app.html', widgetPage({ title: 'Hash router', body: '<a href="#/features">Features</a> <a href="#/pricing">Pricing</a>' }));

  await page.getByRole('link', { name: 'Features' }).click();
  await page.waitForTimeout(500);
  await expect(survey(page)).toHaveCount(0);

  await page.getByRole('link', { name: 'Pricing' }).click();
  await expect(survey(page)).toBeVisible();
});
