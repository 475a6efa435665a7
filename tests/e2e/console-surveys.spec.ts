// The survey workshop in a real browser against `closeloop demo`: an admin builds an NPS survey on a dwell trigger
// in the console, watches the live preview follow the edits, publishes it and sees it fire on the example shop,
// pauses it and sees it stop; an agent can look but not change (the API refuses too); axe on list and editor;
// screenshots of the editor with its preview at desktop and phone width, light and dark.
import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { axeViolations, signIn } from './fixtures/console.js';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';

const SCREENS = process.env.CLOSELOOP_SCREENS ?? 'test-results/surveys';

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

/** The example shop in a fresh browser context (no caps or drafts carried over), and the survey dialog named `prompt`. */
async function openShop(browser: Browser, prompt: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const config = page.waitForResponse((r) => r.url().includes('/v1/config') && r.ok());
  await page.goto(server.shopUrl);
  await config;
  return { context, survey: page.getByRole('dialog', { name: prompt }) };
}

test('an admin builds an NPS survey on a dwell trigger, publishes it, sees it fire on the shop, pauses it and it stops', async ({ page, browser }) => {
  await signIn(page, server.origin, 'admin', '/console/surveys');
  await page.getByRole('link', { name: 'New survey' }).click();
  await expect(page.getByRole('heading', { name: 'New survey' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Shop dwell NPS');
  await page.getByLabel('Survey id').fill('shop-dwell');

  // The preview follows the question being edited, with the text as typed.
  const question = page.getByRole('group', { name: 'Question 1 (nps)' });
  const preview = page.frameLocator('iframe[title="Survey preview"]');
  await question.getByLabel('Prompt').fill('Would you recommend the Demo Shop?');
  await expect(preview.getByRole('dialog', { name: 'Would you recommend the Demo Shop?' })).toBeVisible();
  const prompt = 'Would you recommend the Demo Shop to a friend?';
  await question.getByLabel('Prompt').fill(prompt);
  await expect(preview.getByRole('dialog', { name: prompt })).toBeVisible();
  await page.getByRole('group', { name: 'Question 2 (reason)' }).getByLabel('Prompt').click();
  await expect(preview.getByRole('dialog', { name: 'What is the main reason for your score?' })).toBeVisible();

  // A translation: editing it shows that language in the preview; the language switch goes back to the original.
  await page.getByLabel('New translation (language tag)').fill('fr');
  await page.getByRole('button', { name: 'Add a translation' }).click();
  const french = page.getByRole('group', { name: `Question 1: ${prompt}` });
  await french.getByLabel('Prompt').fill('Recommanderiez-vous la Demo Shop à un ami ?');
  await expect(preview.getByRole('dialog', { name: 'Recommanderiez-vous la Demo Shop à un ami ?' })).toBeVisible();
  await page.getByRole('region', { name: 'Preview' }).getByLabel('Language').selectOption('en');
  await expect(preview.getByRole('dialog', { name: prompt })).toBeVisible();

  await page.getByLabel('New trigger').selectOption('dwell');
  await page.getByRole('button', { name: 'Add a trigger' }).click();
  await page.getByLabel('Seconds on the page').fill('2');
  await page.getByRole('button', { name: 'Create survey' }).click();
  await expect(page).toHaveURL(/\/console\/surveys\/shop-dwell$/);
  await expect(page.getByRole('heading', { name: /Shop dwell NPS/ })).toContainText('Paused');

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('heading', { name: /Shop dwell NPS/ })).toContainText('Published');
  const published = await openShop(browser, prompt);
  await expect(published.survey).toBeVisible({ timeout: 10_000 });
  await published.context.close();

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('heading', { name: /Shop dwell NPS/ })).toContainText('Paused');
  const paused = await openShop(browser, prompt);
  // Twice the dwell, and more: it showed after 2 s when published.
  await paused.survey.page().waitForTimeout(5_000);
  await expect(paused.survey).toHaveCount(0);
  await paused.context.close();

  const stored = (await server.management('/api/v1/surveys/shop-dwell')) as { active: boolean; triggers: unknown[] };
  expect(stored).toMatchObject({ active: false, triggers: [{ type: 'dwell', seconds: 2 }] });
});

test('an agent sees the surveys but no way to change them, and the API refuses its save', async ({ page }) => {
  await signIn(page, server.origin, 'agent', '/console/surveys');
  await expect(page.getByRole('link', { name: /recommend Demo Shop/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New survey' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import JSON' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Pause|^Publish/ })).toHaveCount(0);

  await page.goto(`${server.origin}/console/surveys/nps`);
  await expect(page.getByText('Your role can look at this survey but not change it.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: /^Question 1/ }).getByLabel('Prompt')).toBeDisabled();

  const status = await page.evaluate(async () => {
    const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
    const survey = await (await fetch('/api/v1/surveys/nps')).json();
    const res = await fetch('/api/v1/surveys/nps', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ ...survey, name: 'Changed by an agent' }),
    });
    return res.status;
  });
  expect(status).toBe(403);
});

async function shoot(browser: Browser, width: number, scheme: 'light' | 'dark') {
  const context = await browser.newContext({ viewport: { width, height: width > 600 ? 900 : 844 }, colorScheme: scheme });
  const page: Page = await context.newPage();
  await signIn(page, server.origin, 'admin', '/console/surveys/nps');
  const question = page.getByRole('group', { name: /^Question 1/ });
  await question.getByLabel('Prompt').fill('How likely are you to recommend the Demo Shop to a friend?');
  const panel = page.getByRole('region', { name: 'Preview' });
  if (scheme === 'dark') await panel.getByRole('button', { name: 'Dark' }).click();
  if (width < 600) await panel.getByRole('button', { name: 'Phone' }).click();
  await expect(page.frameLocator('iframe[title="Survey preview"]').getByRole('dialog', { name: /recommend the Demo Shop/ })).toBeVisible();
  // The card slides in: shoot it once its animations have finished, not half faded in.
  const frame = page.frames().find((f) => f.url().endsWith('/closeloop-preview.html'));
  await frame?.evaluate(() => Promise.all(document.querySelector('closeloop-widget')?.shadowRoot?.getAnimations().map((a) => a.finished) ?? []));
  // On a phone the preview sits above the form: the shot starts at it; on a desktop, at the top of the page.
  if (width < 600) await panel.evaluate((element) => element.scrollIntoView());
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENS}/editor-${width}-${scheme}.png` });
  await page.goto(`${server.origin}/console/surveys`);
  await expect(page.getByRole('heading', { name: 'Surveys' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/list-${width}-${scheme}.png` });
  await context.close();
}

test('list and editor pass axe, and look right at desktop and phone width, light and dark', async ({ page, browser }) => {
  await signIn(page, server.origin, 'admin', '/console/surveys');
  await expect(page.getByRole('link', { name: /recommend Demo Shop/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.goto(`${server.origin}/console/surveys/nps`);
  await expect(page.frameLocator('iframe[title="Survey preview"]').getByRole('dialog')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  mkdirSync(SCREENS, { recursive: true });
  for (const [width, scheme] of [[1280, 'light'], [1280, 'dark'], [390, 'light'], [390, 'dark']] as const) await shoot(browser, width, scheme);
});
