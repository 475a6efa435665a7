// axe-core on every question type the widget renders, and on the feedback form, in light and dark mode, inside the
// widget's shadow root: zero violations of WCAG 2.2 A/AA and axe's best practices. The surveys are real surveys of
// the demo project, written into the running demo server's database and shown with closeloop('show', id).
import { createRequire } from 'node:module';
import type { SurveyDefinitionInput } from '@closeloop/sdk/schemas';
import { expect, test, type Page } from '@playwright/test';
import type * as Axe from 'axe-core';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { closeloop, serveTestFiles, widgetPage } from './fixtures/test-page.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const one = (id: string, question: Record<string, unknown>): SurveyDefinitionInput =>
  ({ id, name: id, questions: [{ id: 'q', required: true, ...question }] }) as SurveyDefinitionInput;

/** One survey per question type and display variant the contract has. */
const SURVEYS: SurveyDefinitionInput[] = [
  one('a11y-nps', { type: 'nps', prompt: 'How likely are you to recommend Demo Shop to a friend?' }),
  one('a11y-csat-faces', { type: 'csat', display: 'faces', prompt: 'How satisfied are you with your order?' }),
  one('a11y-csat-stars', { type: 'csat', display: 'stars', prompt: 'How satisfied are you with delivery?' }),
  one('a11y-ces', { type: 'ces', prompt: 'How easy was it to check out?' }),
  one('a11y-rating-stars', { type: 'rating', display: 'stars', scale: 5, prompt: 'Rate the product page' }),
  one('a11y-rating-numbers', { type: 'rating', display: 'numbers', scale: 10, prompt: 'Rate our prices' }),
  one('a11y-single-choice', {
    type: 'single_choice',
    prompt: 'How did you hear about us?',
    options: [
      { id: 'search', label: 'Search engine' },
      { id: 'friend', label: 'A friend' },
      { id: 'ad', label: 'An advert' },
    ],
    other: true,
  }),
  one('a11y-multiple-choice', {
    type: 'multiple_choice',
    prompt: 'What did you buy today?',
    options: [
      { id: 'bags', label: 'Bags' },
      { id: 'shoes', label: 'Shoes' },
      { id: 'jackets', label: 'Jackets' },
    ],
    other: true,
  }),
  one('a11y-text-line', { type: 'text', multiline: false, maxLength: 80, prompt: 'One word for our shop?' }),
  one('a11y-text-area', { type: 'text', multiline: true, prompt: 'What should we improve?', placeholder: 'Tell us anything' }),
  one('a11y-cta', { type: 'cta', prompt: 'Would you review us?', body: 'It takes a minute.', buttonLabel: 'Write a review', url: 'https://example.com/review' }),
];

interface Finding {
  rule: string;
  impact: string | null | undefined;
  nodes: string[];
}

/** A screenshot of the widget and a margin of the page around it, small enough to look at one by one. */
async function shoot(page: Page, dialog: ReturnType<Page['locator']>, name: string): Promise<void> {
  const box = await dialog.boundingBox();
  if (!box) throw new Error(`${name}: the dialog has no box`);
  const x = Math.max(0, box.x - 24);
  const y = Math.max(0, box.y - 24);
  await page.screenshot({ path: `test-results/${name}.png`, clip: { x, y, width: Math.min(1280 - x, box.width + 48), height: Math.min(800 - y, box.height + 48) } });
}

/** axe on the shadow host and everything in its open shadow root. */
async function audit(page: Page, host: string): Promise<Finding[]> {
  return page.evaluate(
    async ([selector, tags]) => {
      const { axe } = window as unknown as { axe: typeof Axe };
      const element = document.querySelector(selector);
      if (!element) throw new Error(`no ${selector} on the page`);
      const results = await axe.run(element, { runOnly: { type: 'tag', values: tags } });
      return results.violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary}`) }));
    },
    [host, TAGS] as const,
  );
}

let server: DemoServer;
test.beforeAll(async () => {
  server = await startDemoServer();
  for (const survey of SURVEYS) await server.putSurvey(survey);
});
test.afterAll(async () => {
  await server.stop();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`every question type and the feedback form have no axe violations in ${scheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await serveTestFiles(page, server, { '/e2e/a11y.html': { body: widgetPage({ title: 'Accessibility check' }) } });
    await page.goto(`${server.origin}/e2e/a11y.html`);
    await page.addScriptTag({ path: axePath });

    const findings: Record<string, Finding[]> = {};
    const widget = page.locator('closeloop-widget');
    for (const survey of SURVEYS) {
      await closeloop(page, 'show', survey.id);
      const dialog = widget.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await shoot(page, dialog, `a11y-${survey.id.replace('a11y-', '')}-${scheme}`);
      findings[survey.id] = await audit(page, 'closeloop-widget');
      await page.keyboard.press('Escape');
      await expect(widget.getByRole('dialog')).toHaveCount(0);
    }

    const tab = page.locator('closeloop-feedback').getByRole('button', { name: 'Feedback', exact: true });
    await tab.click();
    const form = page.locator('closeloop-feedback').getByRole('dialog', { name: 'Send feedback' });
    await expect(form).toBeVisible();
    // With an error shown, so its markup is audited too.
    await form.getByRole('button', { name: 'Send' }).click();
    await expect(form.getByText('Choose what your feedback is about.')).toBeVisible();
    await shoot(page, form, `a11y-feedback-form-${scheme}`);
    findings['feedback-form'] = await audit(page, 'closeloop-feedback');
    await form.getByRole('radio', { name: 'Praise' }).check();
    await form.getByRole('textbox', { name: 'Your feedback' }).fill('Lovely shop');
    await form.getByRole('button', { name: 'Send' }).click();
    await expect(form.getByRole('status')).toHaveText(/Thank you/);
    findings['feedback-thanks'] = await audit(page, 'closeloop-feedback');

    const violations = Object.fromEntries(Object.entries(findings).filter(([, list]) => list.length > 0));
    expect(violations).toEqual({});
    expect(Object.keys(findings)).toHaveLength(SURVEYS.length + 2);
  });
}
