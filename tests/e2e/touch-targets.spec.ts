// Touch targets on a 390×844 phone: every score of every scale, the survey's buttons and close button, the
// feedback tab (edge and corner) and the feedback form's categories, Send and close buttons measure at least 44×44 CSS px, the scales
// stay inside the card (the 0–10 scale in two aligned rows), and the NPS step is screenshotted to be looked at.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { closeloop, serveTestFiles, widgetPage } from './fixtures/test-page.js';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 });

const MIN_TARGET = 44;

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

/** A phone page (viewport meta tag) with the feedback tab where `position` says. */
async function openPhonePage(page: Page, position = 'right'): Promise<void> {
  const html = widgetPage({ title: 'Orders', head: '<meta name="viewport" content="width=device-width, initial-scale=1">' }).replace(
    'data-feedback-button="Feedback"',
    `data-feedback-button="Feedback" data-feedback-position="${position}"`,
  );
  await serveTestFiles(page, server, { '/e2e/phone.html': { body: html } });
  const configLoaded = page.waitForResponse((r) => r.url().includes('/v1/config'));
  await page.goto(`${server.origin}/e2e/phone.html`);
  await configLoaded;
}

/** Each target's accessible name and rendered box, for every one smaller than 44×44 (there must be some). */
async function tooSmall(targets: Locator): Promise<string[]> {
  expect(await targets.count()).toBeGreaterThan(0);
  const small: string[] = [];
  for (const target of await targets.all()) {
    const box = await target.boundingBox();
    const name = (await target.getAttribute('aria-label')) ?? (await target.textContent());
    if (!box || box.width < MIN_TARGET || box.height < MIN_TARGET) small.push(`${name}: ${box?.width.toFixed(1)}×${box?.height.toFixed(1)}`);
  }
  return small;
}

/** The scores' boxes, each inside the card; and how many rows they form. */
async function rowsInside(scores: Locator, card: Locator): Promise<number[][]> {
  const cardBox = (await card.boundingBox())!;
  const rows = new Map<number, number[]>();
  for (const score of await scores.all()) {
    const box = (await score.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(cardBox.x);
    expect(box.x + box.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
    const top = Math.round(box.y);
    rows.set(top, [...(rows.get(top) ?? []), Math.round(box.x)]);
  }
  return [...rows.values()];
}

test('every scale, button and close button of the survey is at least 44×44 on a phone, inside the card', async ({ page }) => {
  await server.putSurvey({
    id: 'scales',
    name: 'Every scale',
    questions: [
      { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend us?' },
      { id: 'ces', type: 'ces', prompt: 'How easy was it to find your order?' },
      { id: 'csat', type: 'csat', prompt: 'How satisfied are you with checkout?' },
      { id: 'stars', type: 'rating', prompt: 'Rate the delivery', scale: 10 },
      { id: 'numbers', type: 'rating', prompt: 'Rate the packaging', scale: 10, display: 'numbers' },
    ],
    triggers: [],
  });
  await openPhonePage(page);
  await closeloop(page, 'show', 'scales');
  const survey = page.locator('closeloop-widget').getByRole('dialog');
  await expect(survey.getByRole('radiogroup', { name: /recommend/i })).toBeVisible();
  await page.waitForTimeout(400); // the slide-in animation
  await page.screenshot({ path: 'test-results/touch-targets-nps-390.png' });

  // NPS: 0–10 in two rows of aligned columns (0–5 above 6–10).
  const nps = survey.getByRole('radio');
  const npsRows = await rowsInside(nps, survey);
  expect(npsRows).toHaveLength(2);
  expect(npsRows[1]).toEqual(npsRows[0]!.slice(0, npsRows[1]!.length));
  expect(await tooSmall(nps)).toEqual([]);
  expect(await tooSmall(survey.getByRole('button'))).toEqual([]);
  await nps.nth(2).tap();

  for (const [id, prompt] of [['ces', /easy/i], ['csat', /satisfied/i], ['stars', /delivery/i], ['numbers', /packaging/i]] as const) {
    const group = survey.getByRole('radiogroup', { name: prompt });
    await expect(group).toBeVisible();
    await survey.screenshot({ path: `test-results/touch-targets-${id}-390.png` });
    expect(await tooSmall(group.getByRole('radio')), String(prompt)).toEqual([]);
    await rowsInside(group.getByRole('radio'), survey);
    expect(await tooSmall(survey.getByRole('button'))).toEqual([]);
    await group.getByRole('radio').nth(2).tap();
  }
  await expect(survey.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  expect(await tooSmall(survey.getByRole('button'))).toEqual([]);
});

for (const position of ['right', 'bottom-right']) {
  test(`the feedback tab (${position}) and the feedback form's categories, Send and close buttons are at least 44×44 on a phone`, async ({ page }) => {
    await openPhonePage(page, position);
    const host = page.locator('closeloop-feedback');
    const tab = host.getByRole('button', { name: 'Feedback', exact: true });
    await expect(tab).toBeVisible();
    expect(await tooSmall(tab)).toEqual([]);
    await tab.tap();
    const form = host.getByRole('dialog', { name: 'Send feedback' });
    await expect(form).toBeVisible();
    expect(await tooSmall(form.getByRole('button', { name: 'Close feedback' }))).toEqual([]);
    // A category is tapped on its whole label (the radio covers it); Send is the form's one button.
    expect(await tooSmall(form.locator('label.cat'))).toEqual([]);
    expect(await tooSmall(form.getByRole('button', { name: 'Send' }))).toEqual([]);
  });
}
