// Issue 7, item 7: the feedback form fits every viewport from 320×480 up with Send reachable (inside the panel's
// own scroll when it must), uses the room it has instead of leaving half the window empty, and an error goes away
// once the visitor fixes what it named. Screenshots go to test-results/ for a person to look at.
import { expect, test, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { expectInside, feedbackForm, feedbackTab, openShopPage } from './fixtures/surfaces.js';

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

async function openForm(page: Page, activate: 'click' | 'tap' = 'click') {
  await openShopPage(page, server);
  await feedbackTab(page)[activate]();
  await expect(feedbackForm(page)).toBeVisible();
  const viewport = page.viewportSize()!;
  await expectInside(feedbackForm(page), { x: 0, y: 0, ...viewport });
}

/** Whether the whole form shows at once, with no scrolling inside the panel. */
const showsWhole = (page: Page) => feedbackForm(page).evaluate((card) => card.scrollHeight <= card.clientHeight + 1);

/** An error under the fields: the tallest the form gets. */
async function failOnComment(page: Page, activate: 'click' | 'tap' = 'click') {
  await feedbackForm(page).getByRole('radio', { name: 'Problem' })[activate]();
  await feedbackForm(page).getByRole('button', { name: 'Send' })[activate]();
  await expect(feedbackForm(page).getByText('Write a few words before sending.')).toBeVisible();
}

test('1280×560: the whole form shows beside the tab, Send included, with no scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 560 });
  await openForm(page);
  await failOnComment(page);
  expect(await showsWhole(page)).toBe(true);
  await expect(feedbackForm(page).getByRole('button', { name: 'Send' })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: 'test-results/feedback-form-1280x560.png' });
});

test('1280×800: after an error the form still shows whole', async ({ page }) => {
  await openForm(page);
  await feedbackForm(page).getByRole('button', { name: 'Send' }).click();
  await failOnComment(page);
  expect(await showsWhole(page)).toBe(true);
  await expectInside(feedbackForm(page).getByRole('button', { name: 'Send' }), (await feedbackForm(page).boundingBox())!);
});

test('the category error goes away once a category is chosen', async ({ page }) => {
  await openForm(page);
  await feedbackForm(page).getByRole('button', { name: 'Send' }).click();
  const error = feedbackForm(page).getByText('Choose what your feedback is about.');
  await expect(error).toBeVisible();
  await expect(feedbackForm(page).getByRole('radio', { name: 'Idea' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(feedbackForm(page).getByRole('radio', { name: 'Problem' })).toBeChecked();
  await expect(error).toHaveCount(0);
  await expect(feedbackForm(page).getByRole('radio', { name: 'Idea' })).not.toHaveAttribute('aria-invalid', 'true');
});

test.describe('phone 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the form fits the screen with Send on it', async ({ page }) => {
    await openForm(page, 'tap');
    await failOnComment(page, 'tap');
    expect(await showsWhole(page)).toBe(true);
    await expect(feedbackForm(page).getByRole('button', { name: 'Send' })).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: 'test-results/feedback-form-390x844.png' });
  });

  test('the tab steps out of the way while the form spans the screen, and takes focus back after', async ({ page }) => {
    await openForm(page, 'tap');
    // The form spans the bottom of a phone; the edge tab would peek out over its top corner.
    await expect(feedbackTab(page)).toBeHidden();
    await feedbackForm(page).getByRole('button', { name: 'Close feedback' }).tap();
    await expect(feedbackForm(page)).toHaveCount(0);
    await expect(feedbackTab(page)).toBeVisible();
    await expect(feedbackTab(page)).toBeFocused();
  });
});

test.describe('smallest supported, 320×480', () => {
  test.use({ viewport: { width: 320, height: 480 }, hasTouch: true, isMobile: true });

  test('the form fits, and Send is reached by scrolling inside the panel', async ({ page }) => {
    await openForm(page, 'tap');
    await failOnComment(page, 'tap');
    const send = feedbackForm(page).getByRole('button', { name: 'Send' });
    await send.scrollIntoViewIfNeeded();
    await expectInside(send, (await feedbackForm(page).boundingBox())!);
    await expect(send).toBeInViewport({ ratio: 1 });
    await send.tap({ trial: true, timeout: 2_000 });
    // The page itself did not scroll: the panel did.
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await page.screenshot({ path: 'test-results/feedback-form-320x480.png' });
  });
});
