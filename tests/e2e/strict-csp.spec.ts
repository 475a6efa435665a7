// The widget under a strict Content-Security-Policy: no inline script, no inline style, no eval. The page loads
// the queue snippet from a file (inline script is forbidden), then the real closeloop.js; the survey, its UI chunk,
// the feedback form's chunk and every request work, and the browser reports no violation.
import { expect, test } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { closeloop, serveTestFiles, SNIPPET, widgetPage } from './fixtures/test-page.js';

const CSP = "script-src 'self'; style-src 'self'";

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

test('the survey and the feedback button work under script-src/style-src self with no CSP violation', async ({ page }) => {
  await serveTestFiles(page, server, {
    '/e2e/csp.html': { body: widgetPage({ title: 'Strict CSP', snippet: 'file' }), headers: { 'Content-Security-Policy': CSP } },
    '/e2e/snippet.js': { body: SNIPPET, contentType: 'text/javascript' },
  });
  // Recorded from the first moment of the page, before any of its scripts run.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
  });
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  const response = await page.goto(`${server.origin}/e2e/csp.html`);
  expect(response?.headers()['content-security-policy']).toBe(CSP);

  // The survey: shown, styled by its constructable stylesheet, answered with the keyboard.
  await closeloop(page, 'show', 'nps');
  const survey = page.locator('closeloop-widget').getByRole('dialog');
  await expect(survey).toBeVisible();
  expect(await survey.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(survey.getByRole('textbox')).toBeFocused();
  await page.keyboard.type('Fine under CSP');
  await survey.getByRole('button', { name: 'Submit' }).press('Enter');
  // The demo's contact step, asked of an anonymous detractor: No, and Submit.
  await survey.getByRole('radio', { name: 'No' }).click();
  await survey.getByRole('button', { name: 'Submit' }).press('Enter');
  await expect(survey.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await page.screenshot({ path: 'test-results/strict-csp-survey.png' });

  // The feedback form from its own chunk.
  const form = page.locator('closeloop-feedback').getByRole('dialog', { name: 'Send feedback' });
  await page.locator('closeloop-feedback').getByRole('button', { name: 'Feedback', exact: true }).click();
  await expect(form).toBeVisible();
  expect(await form.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
  await form.getByRole('radio', { name: 'Idea' }).check();
  await form.getByRole('textbox', { name: 'Your feedback' }).fill('A wishlist, please');
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(form.getByRole('status')).toHaveText(/Thank you/);
  await page.screenshot({ path: 'test-results/strict-csp-feedback.png' });

  await expect
    .poll(async () => ((await server.management('/api/v1/feedback')) as { data: Array<{ comment: string }> }).data.map((f) => f.comment))
    .toEqual(['A wishlist, please']);
  expect(await violations()).toEqual([]);
  expect(refused).toEqual([]);

  // The listener does catch a violation: an inline style attribute, which this policy forbids.
  await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
  await expect.poll(violations).toEqual([expect.stringMatching(/^style-src-attr /)]);
});
