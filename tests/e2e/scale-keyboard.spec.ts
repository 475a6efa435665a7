// Every scale with the keyboard only, at desktop size (1280×800): each is a radio group with one tab stop, arrows
// check the score they move to without moving the survey on, and Enter, Space or Next send the checked score.
import { Page as ApiPage, StoredResponse } from '@closeloop/sdk/schemas';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { closeloop, serveTestFiles, widgetPage } from './fixtures/test-page.js';

const ResponsePage = ApiPage(StoredResponse);

test.use({ viewport: { width: 1280, height: 800 } });

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

const checked = (group: Locator) => group.locator('[aria-checked="true"]');

async function openSurvey(page: Page): Promise<Locator> {
  await server.putSurvey({
    id: 'scales',
    name: 'Every scale',
    questions: [
      { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend us?', required: true },
      { id: 'csat', type: 'csat', prompt: 'How satisfied are you with checkout?', required: true },
      { id: 'ces', type: 'ces', prompt: 'How easy was it to find your order?', required: true },
      { id: 'rating', type: 'rating', prompt: 'Rate the delivery' },
    ],
    triggers: [],
  });
  await serveTestFiles(page, server, { '/e2e/scales.html': { body: widgetPage({ title: 'Orders' }) } });
  const configLoaded = page.waitForResponse((r) => r.url().includes('/v1/config'));
  await page.goto(`${server.origin}/e2e/scales.html`);
  await configLoaded;
  await closeloop(page, 'show', 'scales');
  const survey = page.locator('closeloop-widget').getByRole('dialog');
  await expect(survey).toBeVisible();
  return survey;
}

test('keyboard only: arrows check a score without moving on; Enter, Space or Next send it', async ({ page }) => {
  const survey = await openSurvey(page);

  // NPS: focus starts on 0, unchecked. Arrows check as they move, and the question stays.
  const nps = survey.getByRole('radiogroup', { name: /recommend/i });
  await expect(nps.getByRole('radio', { name: /^0/ })).toBeFocused();
  await expect(checked(nps)).toHaveCount(0);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  const three = nps.getByRole('radio', { name: '3', exact: true });
  await expect(three).toBeFocused();
  await expect(three).toBeChecked();
  await expect(checked(nps)).toHaveCount(1);
  await page.waitForTimeout(300);
  await expect(survey).toHaveAccessibleName(/recommend/i);
  await survey.screenshot({ path: 'test-results/scale-keyboard-nps-checked.png' });

  // One tab stop: Tab leaves the group for Next (not the next score), Shift+Tab comes back to the checked score.
  await page.keyboard.press('Tab');
  await expect(survey.getByRole('button', { name: 'Next' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(three).toBeFocused();
  await page.keyboard.press('Enter');

  // CSAT faces: End checks the last face, ArrowLeft the one before; Space sends it.
  const csat = survey.getByRole('radiogroup', { name: /satisfied/i });
  await expect(csat).toBeVisible();
  await expect(csat.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect(csat.getByRole('radio', { name: '4 – Satisfied' })).toBeChecked();
  await expect(survey).toHaveAccessibleName(/satisfied/i);
  await page.keyboard.press(' ');

  // CES: one arrow checks 2; Tab to Next and Enter sends it.
  const ces = survey.getByRole('radiogroup', { name: /easy/i });
  await expect(ces.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(ces.getByRole('radio', { name: '2', exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  // Rating stars (optional): two arrows check and light three stars; Tab goes to Skip, then Next.
  const rating = survey.getByRole('radiogroup', { name: /delivery/i });
  await expect(rating.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(rating.getByRole('radio', { name: '3 of 5 stars' })).toBeChecked();
  await expect(rating.locator('.lit')).toHaveCount(3);
  await page.keyboard.press('Tab');
  await expect(survey.getByRole('button', { name: 'Skip' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(survey.getByRole('heading', { name: 'Thank you!' })).toBeVisible();

  await expect
    .poll(async () => ResponsePage.parse(await server.management('/api/v1/responses')).data.map((r) => r.answers), { timeout: 10_000 })
    .toEqual([{ nps: 3, csat: 4, ces: 2, rating: 3 }]);
});
