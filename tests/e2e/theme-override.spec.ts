// One theme override on the host page reaches every surface: the survey, the feedback tab and its form, and the
// message panel each declare the same tokens (packages/widget/src/styles/tokens.ts) on their `:host`, and a page
// rule on the host elements wins over `:host`, in a real browser. A token the page leaves alone keeps its default.
import { createManagementClient, signIdentity } from '@closeloop/sdk/node';
import { FollowUp, Page as PageOf } from '@closeloop/sdk/schemas';
import { expect, test, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { closeloop } from './fixtures/test-page.js';

/** `closeloop demo` seeds the demo project with this identity secret (packages/server/src/cli/seed-demo.ts). */
const IDENTITY_SECRET = 'demo-identity-secret';
const USER = 'customer-theme';
const OVERRIDE = 'closeloop-widget, closeloop-feedback, closeloop-messages { --cl-accent: rgb(1, 2, 3); }';

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

/** The signed visitor's identity (with the email support may write to, so no contact step), queued before closeloop.js runs. */
async function identifyOnLoad(page: Page): Promise<void> {
  await page.addInitScript(
    ([user, signature]) => {
      const w = window as unknown as { closeloop?: ((...args: unknown[]) => void) & { q?: unknown[] } };
      w.closeloop ||= function (...args: unknown[]) {
        (w.closeloop!.q ||= []).push(args);
      };
      w.closeloop('identify', user, { email: 'ann@example.com' }, { signature });
    },
    [USER, signIdentity(IDENTITY_SECRET, USER)] as const,
  );
}

/** The accent and the background as `selector` inside `host`'s shadow root computes them. */
function themeInside(page: Page, host: string, selector: string) {
  return page.evaluate(
    ([hostTag, inner]) => {
      const element = document.querySelector(hostTag)!.shadowRoot!.querySelector(inner)!;
      const style = getComputedStyle(element);
      return { accent: style.getPropertyValue('--cl-accent').trim(), bg: style.getPropertyValue('--cl-bg').trim() };
    },
    [host, selector] as const,
  );
}

test('a page override of --cl-accent reaches the survey, the feedback tab and form, and the message panel', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await identifyOnLoad(page);
  const configLoaded = page.waitForResponse((r) => r.url().includes('/v1/config'));
  await page.goto(server.shopUrl);
  await configLoaded;
  await page.addStyleTag({ content: OVERRIDE });

  // The survey: shown, checked, then answered as a detractor so the case can close the loop in the widget.
  await closeloop(page, 'show', 'nps');
  const survey = page.locator('closeloop-widget').getByRole('dialog');
  await expect(survey).toBeVisible();
  expect(await themeInside(page, 'closeloop-widget', '.card')).toEqual({ accent: 'rgb(1, 2, 3)', bg: '#ffffff' });
  await survey.getByRole('radio', { name: '3', exact: true }).click();
  await survey.getByRole('textbox', { name: /main reason/i }).fill('The colours were fine.');
  await survey.getByRole('button', { name: 'Submit' }).click();
  await expect(survey.getByRole('heading', { name: 'Thank you!' })).toBeVisible();

  // The feedback tab (closeloop.js's own small sheet) and, opened, its form (the feedback chunk's sheet).
  const tab = page.getByRole('button', { name: 'Feedback', exact: true });
  await expect(tab).toHaveCSS('background-color', 'rgb(1, 2, 3)');
  await tab.click();
  await expect(page.getByRole('dialog', { name: 'Send feedback' })).toBeVisible();
  expect(await themeInside(page, 'closeloop-feedback', '.card')).toEqual({ accent: 'rgb(1, 2, 3)', bg: '#ffffff' });

  // The message panel (the messages chunk's sheet), on the next page view once support closed the loop.
  await expect.poll(async () => PageOf(FollowUp).parse(await server.management('/api/v1/follow-ups')).data, { timeout: 10_000 }).toHaveLength(1);
  const [followUp] = PageOf(FollowUp).parse(await server.management('/api/v1/follow-ups')).data;
  const client = createManagementClient({ host: server.origin, secretKey: 'sk_demo', retry: 0 });
  await client.followUps.resolve(followUp!.id, { resolution: 'explained', summary: 'Told them' });
  await client.followUps.closeLoop(followUp!.id, { message: 'Thank you for telling us.', channels: ['widget'] });
  await page.goto(server.shopUrl);
  await expect(page.getByRole('dialog', { name: 'A reply to your feedback' })).toBeVisible();
  await page.addStyleTag({ content: OVERRIDE });
  expect(await themeInside(page, 'closeloop-messages', '.card')).toEqual({ accent: 'rgb(1, 2, 3)', bg: '#ffffff' });
});
