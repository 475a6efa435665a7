// closeloop.js starts its core in idle time (the config request, stored ids, the outbox, the triggers, the feedback
// tab), so a page pays almost nothing at load. Nothing a page or a visitor does before that start is lost: a show()
// made right after the script tag, a custom event tracked at once, an exit through the top before the triggers
// are armed. And a visitor who is shown nothing keeps nothing but a page-view count.
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

const survey = (page: Page) => page.getByRole('dialog', { name: /recommend/i });
// A trigger that never fires within a test: the survey can only show because of what the test does.
const NEVER = { type: 'dwell', seconds: 3600 } as const;

test('show() called in the page right after the script tag shows the survey', async ({ page }) => {
  await server.putSurvey(npsWith([NEVER]));
  await serveTestFiles(page, server, {
    '/e2e/welcome.html': { body: widgetPage({ title: 'Welcome', body: `<script>closeloop('show', 'nps')</script>` }) },
  });
  await page.goto(`${server.origin}/e2e/welcome.html`);
  await expect(survey(page)).toBeVisible();
});

test('show() called as soon as closeloop.js has run, before the page is idle, shows the survey', async ({ page }) => {
  await server.putSurvey(npsWith([NEVER]));
  await serveTestFiles(page, server, { '/e2e/welcome.html': { body: widgetPage({ title: 'Welcome' }) } });
  // Called from the moment closeloop.js has taken over window.closeloop, well before the page is idle.
  await page.addInitScript(() => {
    const poll = () => ((window as unknown as { closeloop?: { loaded?: boolean } }).closeloop?.loaded ? (window as unknown as { closeloop: (...args: unknown[]) => void }).closeloop('show', 'nps') : setTimeout(poll, 0));
    poll();
  });
  await page.goto(`${server.origin}/e2e/welcome.html`);
  await expect(survey(page)).toBeVisible();
});

test('a visitor shown nothing keeps only a page-view count; their first answer makes the visitor id it is sent with', async ({ page }) => {
  await server.putSurvey(npsWith([NEVER]));
  await serveTestFiles(page, server, { '/e2e/welcome.html': { body: widgetPage({ title: 'Welcome' }) } });
  const config = page.waitForResponse((response) => response.url().startsWith(`${server.origin}/v1/config`));
  await page.goto(`${server.origin}/e2e/welcome.html`);
  await config;
  const stored = () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])));
  await expect.poll(async () => Object.keys(await stored())).toEqual(['closeloop:visits']);

  await page.evaluate(() => (window as unknown as { closeloop: (...args: unknown[]) => void }).closeloop('show', 'nps'));
  await expect(survey(page)).toBeVisible();
  const sent = page.waitForRequest((request) => request.url() === `${server.origin}/v1/responses`);
  await page.getByRole('dialog').getByRole('radio', { name: '9', exact: true }).click();
  const { respondent } = (await sent).postDataJSON() as { respondent: { anonymousId: string } };
  expect((await stored())['closeloop:anon']).toBe(respondent.anonymousId);
});

test('a custom event tracked before the core started fires its trigger', async ({ page }) => {
  await server.putSurvey(npsWith([{ type: 'event', name: 'checkout' }]));
  await serveTestFiles(page, server, {
    '/e2e/cart.html': { body: widgetPage({ title: 'Cart', body: `<script>closeloop('track', 'checkout')</script>` }) },
  });
  await page.goto(`${server.origin}/e2e/cart.html`);
  await expect(survey(page)).toBeVisible();
});

test('an exit through the top before the triggers are armed shows the survey once they are', async ({ page }) => {
  await server.putSurvey(npsWith([{ type: 'exit-intent' }]));
  await serveTestFiles(page, server, { '/e2e/product.html': { body: widgetPage({ title: 'Product' }) } });
  // The config reply (and so the arming) is held until the visitor has left through the top.
  let release!: () => void;
  const exited = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/v1\/config/, async (route) => {
    await exited;
    await route.continue();
  });
  const configAsked = page.waitForRequest(/\/v1\/config/);
  await page.goto(`${server.origin}/e2e/product.html`);
  await page.waitForFunction(() => (window as unknown as { closeloop?: { loaded?: boolean } }).closeloop?.loaded === true);

  await page.mouse.move(640, 300);
  await page.mouse.move(640, 40, { steps: 5 });
  await page.mouse.move(640, -10);
  await configAsked;
  await expect(survey(page)).toHaveCount(0);
  release();
  await expect(survey(page)).toBeVisible();
});

test('an exit that is not through the top (a side of the window) shows nothing once armed', async ({ page }) => {
  await server.putSurvey(npsWith([{ type: 'exit-intent' }]));
  await serveTestFiles(page, server, { '/e2e/product.html': { body: widgetPage({ title: 'Product' }) } });
  const configLoaded = page.waitForResponse(/\/v1\/config/);
  let release!: () => void;
  const exited = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/v1\/config/, async (route) => {
    await exited;
    await route.continue();
  });
  await page.goto(`${server.origin}/e2e/product.html`);
  await page.waitForFunction(() => (window as unknown as { closeloop?: { loaded?: boolean } }).closeloop?.loaded === true);
  await page.mouse.move(640, 300);
  await page.mouse.move(1270, 300, { steps: 5 });
  await page.mouse.move(1290, 300);
  release();
  await configLoaded;
  await page.waitForTimeout(500);
  await expect(survey(page)).toHaveCount(0);
});
