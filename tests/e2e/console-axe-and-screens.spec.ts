// axe-core on the console's login, inbox and case pages, light and dark, at desktop and phone width; and the
// screenshots people look at (CLOSELOOP_SCREENS=<dir> saves them there, else under test-results/).
import { expect, test, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { answerDetractor, axeViolations, signIn } from './fixtures/console.js';

const screens = process.env.CLOSELOOP_SCREENS ?? 'test-results/console';

// axe is injected as a script, which the console's strict CSP (rightly) refuses; the other console specs run under it.
test.use({ bypassCSP: true });

let server: DemoServer;
let caseId: string;
test.beforeAll(async () => {
  server = await startDemoServer();
  caseId = await answerDetractor(server.origin, { comment: 'Delivery took two weeks and nobody answered my email.', contactEmail: 'customer@example.com', userId: 'customer-42' });
  await answerDetractor(server.origin, { score: 6, comment: 'The size guide was wrong.' });
  await answerDetractor(server.origin, { score: 0, comment: 'Charged twice for one order!' });
});
test.afterAll(async () => {
  await server.stop();
});

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${screens}/${name}.png`, fullPage: true });
}

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1280, 390] as const) {
    test(`login, inbox and case page have no axe violations (${scheme}, ${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${server.origin}/console/`);
      await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      if (width === 1280) await shoot(page, `login-${scheme}-${width}`);

      await signIn(page, server.origin, 'agent');
      await expect(page.getByRole('list', { name: 'Cases, most urgent first' }).getByRole('link')).toHaveCount(3);
      expect(await axeViolations(page)).toEqual([]);
      await shoot(page, `inbox-${scheme}-${width}`);

      await page.goto(`${server.origin}/console/cases/${caseId}`);
      await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Case opened');
      expect(await axeViolations(page)).toEqual([]);
      await shoot(page, `case-${scheme}-${width}`);

      // Nothing wider than the screen at phone width: no sideways scrolling of the page.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
    });
  }
}

test('the shortcut list opens with ? and is axe clean', async ({ page }) => {
  await signIn(page, server.origin, 'agent');
  await expect(page.getByRole('list', { name: 'Cases, most urgent first' }).getByRole('link')).toHaveCount(3);
  await page.keyboard.press('j');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Enter opens the selected case, e opens its resolve form, ready to type in.
  await page.keyboard.press('e');
  await expect(page.getByLabel('Resolution')).toBeFocused();
});
