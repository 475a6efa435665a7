// Exit intent on a touch phone (390×844), driven by real touch input through CDP: slow upward drags near the top
// of the page are reading, not leaving, even though Chromium starts each drag after a pause with two `scroll`
// events a millisecond or two apart; a fast flick up to the top shows the survey, a flick that stops mid-page does
// not, and the tab hidden after the visitor engaged still does.
import type { SurveyDefinitionInput } from '@closeloop/sdk/schemas';
import { expect, test, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { emulatePageVisibility, setPageHidden } from './fixtures/page-visibility.js';
import { serveTestFiles, widgetPage } from './fixtures/test-page.js';
import { fastestBetweenEvents, fastestOverWindow, recordScrolls, takeScrolls, touchDrag } from './fixtures/touch-drag.js';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 });

/** "Near the top", as the trigger reads it: the top 30 % of an 844 px viewport. */
const NEAR_TOP = 0.3 * 844;

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

function exitSurvey(mobile: { scrollUp: boolean; tabHidden: boolean }): SurveyDefinitionInput {
  return {
    id: 'nps',
    name: 'Exit NPS',
    questions: [{ id: 'nps', type: 'nps', prompt: 'How likely are you to recommend us?' }],
    triggers: [{ type: 'exit-intent', mobile }],
  };
}

/** A long article for a phone (with the viewport meta tag every mobile site has), scroll events recorded. */
async function openArticle(page: Page): Promise<void> {
  await recordScrolls(page);
  const paragraphs = Array.from({ length: 60 }, (_, i) => `<p style="height: 100px">Paragraph ${i + 1}.</p>`).join('');
  await serveTestFiles(page, server, {
    '/e2e/article.html': {
      body: widgetPage({ title: 'A long read', head: '<meta name="viewport" content="width=device-width, initial-scale=1">', body: paragraphs }),
    },
  });
  const configLoaded = page.waitForResponse((r) => r.url().includes('/v1/config'));
  await page.goto(`${server.origin}/e2e/article.html`);
  await configLoaded;
  await page.waitForTimeout(300);
}

const scrollYOf = (page: Page) => page.evaluate(() => scrollY);

/** Puts the page at `y` and waits a second with no finger on the glass: the pause before the next drag. */
async function restAt(page: Page, y: number): Promise<void> {
  await page.evaluate((top) => scrollTo(0, top), y);
  await page.waitForTimeout(1000);
  await takeScrolls(page);
}

/** Waits until the page has stopped moving (a fling can run on for a second or two). */
async function settle(page: Page): Promise<void> {
  let last = -1;
  await expect.poll(async () => last === (last = await scrollYOf(page)), { intervals: [250], timeout: 5000 }).toBe(true);
}

/** The scroll events as the page saw them, for a failure message: `ms:scrollY`, from the first. */
const seenAs = (scrolls: readonly [number, number][]) =>
  `the page saw ${scrolls.map(([at, y]) => `${Math.round(at - (scrolls[0]?.[0] ?? 0))}:${y}`).join(' ')}`;

const survey = (page: Page) => page.getByRole('dialog', { name: /recommend/i });

test('slow upward drags near the top of the page never show the survey', async ({ page }) => {
  await server.putSurvey(exitSurvey({ scrollUp: true, tabHidden: false }));
  await openArticle(page);
  const cdp = await page.context().newCDPSession(page);

  let fastestPair = 0;
  for (let drag = 0; drag < 6; drag++) {
    await restAt(page, 237);
    // The finger moves down the screen at 0.1 px/ms, so the page scrolls up towards the top; the touchscreen
    // reports it at 240 Hz, as many phones do; a reader's finger rests before it lifts.
    await touchDrag(cdp, { x: 195, fromY: 300, toY: 390, pxPerMs: 0.1, hz: 240, restBeforeLiftMs: 200 });
    await page.waitForTimeout(300);
    const scrolls = await takeScrolls(page);
    // The page really scrolled up under the finger, and over any tenth of a second clearly slower than the
    // trigger's 1 px/ms. A loaded machine bunches frames: one CI run saw nothing for 477 ms, then 52 px in 31 ms,
    // 0.53 px/ms over the tenth of a second after; still a slow drag, as the trigger reads it.
    expect(await scrollYOf(page), seenAs(scrolls)).toBeLessThan(237 - 50);
    expect(fastestOverWindow(scrolls), seenAs(scrolls)).toBeLessThan(0.8);
    // …even where two consecutive events, read alone, look like a flick (Chromium's start of a drag).
    fastestPair = Math.max(fastestPair, fastestBetweenEvents(scrolls));
    await expect(survey(page)).toHaveCount(0);
  }
  test.info().annotations.push({ type: 'fastest between two scroll events', description: `${fastestPair.toFixed(2)} px/ms` });
  await page.waitForTimeout(500);
  await expect(survey(page)).toHaveCount(0);
});

test('a fast flick up to the top shows the survey; one that stops mid-page does not', async ({ page }) => {
  await server.putSurvey(exitSurvey({ scrollUp: true, tabHidden: false }));
  await openArticle(page);
  const cdp = await page.context().newCDPSession(page);

  // Far down the page, a flick (finger down the screen at 4 px/ms, then a fling) that stops mid-page.
  await restAt(page, 5000);
  await touchDrag(cdp, { x: 195, fromY: 100, toY: 700, pxPerMs: 4 });
  await settle(page);
  const midPage = await takeScrolls(page);
  expect(fastestOverWindow(midPage), seenAs(midPage)).toBeGreaterThan(1);
  expect(await scrollYOf(page)).toBeGreaterThan(NEAR_TOP);
  await expect(survey(page)).toHaveCount(0);

  // The same flick from nearer the top carries the page up to it: from 700 px the drag alone reaches the top 30 %
  // (a loaded machine's fling runs short, so the test does not count on it).
  await restAt(page, 700);
  await touchDrag(cdp, { x: 195, fromY: 100, toY: 700, pxPerMs: 4 });
  await settle(page);
  const toTop = await takeScrolls(page);
  expect(fastestOverWindow(toTop), seenAs(toTop)).toBeGreaterThan(1);
  expect(await scrollYOf(page), seenAs(toTop)).toBeLessThanOrEqual(NEAR_TOP);
  await expect(survey(page)).toBeVisible();
});

test('the tab hidden after the visitor scrolled shows the survey; hidden before, it does not', async ({ page }) => {
  await server.putSurvey(exitSurvey({ scrollUp: true, tabHidden: true }));
  await emulatePageVisibility(page);
  await openArticle(page);
  const cdp = await page.context().newCDPSession(page);

  // Straight to another tab without touching the page: not an exit from a page they never engaged with.
  await setPageHidden(page, true);
  await page.waitForTimeout(500);
  await setPageHidden(page, false);
  await expect(survey(page)).toHaveCount(0);

  // Reading down the page with the finger, then switching away.
  await touchDrag(cdp, { x: 195, fromY: 600, toY: 300, pxPerMs: 0.3 });
  await settle(page);
  expect(await scrollYOf(page)).toBeGreaterThan(200);
  await setPageHidden(page, true);
  await setPageHidden(page, false);
  await expect(survey(page)).toBeVisible();
});
