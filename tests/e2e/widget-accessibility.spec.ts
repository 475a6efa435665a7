// axe-core on every question type the widget renders, and on the feedback form, in light and dark mode and right to
// left (Arabic), inside the widget's shadow root: zero violations of WCAG 2.2 A/AA and axe's best practices, with a
// screenshot of each under test-results/. The surveys are real surveys of the demo project, written into the running
// demo server's database and shown with closeloop('show', id).
import { createRequire } from 'node:module';
import type { SurveyDefinitionInput } from '@closeloop/sdk/schemas';
import { expect, test, type Page } from '@playwright/test';
import type * as Axe from 'axe-core';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { closeloop, serveTestFiles, SNIPPET, widgetPage } from './fixtures/test-page.js';

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
  // The contact step shows only once a case will open: a detractor's score comes first (see reachStep).
  {
    id: 'a11y-contact',
    name: 'a11y-contact',
    questions: [
      { id: 'lead', type: 'nps', prompt: 'How likely are you to recommend Demo Shop to a friend?', required: true },
      { id: 'q', type: 'contact', prompt: 'May we contact you about this?', required: true },
    ],
  },
];

/**
 * Brings a survey to the step under audit: for the contact step, a detractor's score first, then Yes, so the channel
 * and the address field show, and Submit with the field empty, so the inline fault is audited too.
 */
async function reachStep(dialog: ReturnType<Page['locator']>, surveyId: string): Promise<void> {
  if (!surveyId.endsWith('-contact')) return;
  await dialog.getByRole('radio').first().click();
  await dialog.getByRole('radio').first().click();
  await dialog.locator('button[type="submit"]').click();
  await expect(dialog.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
}

/** Arabic texts for each survey above (by its id without `a11y-`); the widget's own words are its Arabic strings. */
const ARABIC: Record<string, Record<string, unknown>> = {
  nps: { prompt: 'ما مدى احتمال أن توصي بمتجرنا لصديق؟', lowLabel: 'غير محتمل', highLabel: 'محتمل جدًا' },
  'csat-faces': { prompt: 'ما مدى رضاك عن طلبك؟' },
  'csat-stars': { prompt: 'ما مدى رضاك عن التوصيل؟' },
  ces: { prompt: 'ما مدى سهولة إتمام الشراء؟', lowLabel: 'صعب جدًا', highLabel: 'سهل جدًا' },
  'rating-stars': { prompt: 'قيّم صفحة المنتج', lowLabel: 'ضعيف', highLabel: 'ممتاز' },
  'rating-numbers': { prompt: 'قيّم أسعارنا', lowLabel: 'ضعيف', highLabel: 'ممتاز' },
  'single-choice': { prompt: 'كيف سمعت عنا؟', options: { search: 'محرك بحث', friend: 'صديق', ad: 'إعلان' } },
  'multiple-choice': { prompt: 'ماذا اشتريت اليوم؟', options: { bags: 'حقائب', shoes: 'أحذية', jackets: 'سترات' } },
  'text-line': { prompt: 'كلمة واحدة تصف متجرنا؟' },
  'text-area': { prompt: 'ما الذي يمكننا تحسينه؟', placeholder: 'أخبرنا بأي شيء' },
  cta: { prompt: 'هل تكتب لنا مراجعة؟', body: 'لن يستغرق ذلك سوى دقيقة.', buttonLabel: 'اكتب مراجعة' },
  contact: { prompt: 'هل يمكننا التواصل معك بشأن هذا؟' },
};
const RTL_SURVEYS: SurveyDefinitionInput[] = SURVEYS.map((survey) => {
  const type = survey.id.replace('a11y-', '');
  return {
    ...survey,
    id: `rtl-${type}`,
    translations: { ar: { questions: { q: ARABIC[type] }, thankYou: { title: 'شكرًا لك!', body: 'تصل ملاحظاتك مباشرة إلى فريقنا.' } } },
  } as SurveyDefinitionInput;
});

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
  for (const survey of [...SURVEYS, ...RTL_SURVEYS]) await server.putSurvey(survey);
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
      await reachStep(dialog, survey.id);
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

test.describe('right to left', () => {
  // An Arabic browser: the surveys pick their `ar` translation from navigator.languages, as for a real visitor.
  test.use({ locale: 'ar' });

  test('every question type and the feedback form are mirrored, in the bottom-left corner, with no axe violations', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    // An Arabic page; `data-locale` sets the feedback form's language, which has no survey to read one from.
    const body = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>متجر تجريبي</title>
<script>${SNIPPET}</script>
<script async src="/closeloop.js" data-project="pk_demo" data-feedback-button="ملاحظات" data-locale="ar"></script>
</head><body><main><h1>متجر تجريبي</h1></main></body></html>`;
    await serveTestFiles(page, server, { '/e2e/rtl.html': { body } });
    await page.goto(`${server.origin}/e2e/rtl.html`);
    await page.addScriptTag({ path: axePath });

    const findings: Record<string, Finding[]> = {};
    const widget = page.locator('closeloop-widget');
    for (const survey of RTL_SURVEYS) {
      await closeloop(page, 'show', survey.id);
      const dialog = widget.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await reachStep(dialog, survey.id);
      await expect(dialog).toHaveAttribute('dir', 'rtl');
      await expect(dialog).toHaveAttribute('lang', 'ar');
      await expect(dialog).toHaveAccessibleName(String(ARABIC[survey.id.replace('rtl-', '')]?.prompt));
      // The default bottom-right corner mirrors to bottom-left, with the rest of the card.
      const box = await dialog.boundingBox();
      expect(box && box.x + box.width / 2).toBeLessThan(640);
      await shoot(page, dialog, `a11y-${survey.id}`);
      findings[survey.id] = await audit(page, 'closeloop-widget');
      await page.keyboard.press('Escape');
      await expect(widget.getByRole('dialog')).toHaveCount(0);
    }

    await page.locator('closeloop-feedback').getByRole('button', { name: 'ملاحظات' }).click();
    const form = page.locator('closeloop-feedback').getByRole('dialog', { name: 'أرسل ملاحظاتك' });
    await expect(form).toBeVisible();
    await expect(form).toHaveAttribute('dir', 'rtl');
    await form.getByRole('button', { name: 'إرسال' }).click();
    await expect(form.getByText('اختر موضوع ملاحظاتك.')).toBeVisible();
    await form.getByRole('textbox', { name: 'ملاحظاتك' }).fill('توصيل سريع');
    await shoot(page, form, 'a11y-rtl-feedback-form');
    findings['feedback-form'] = await audit(page, 'closeloop-feedback');

    const violations = Object.fromEntries(Object.entries(findings).filter(([, list]) => list.length > 0));
    expect(violations).toEqual({});
    expect(Object.keys(findings)).toHaveLength(RTL_SURVEYS.length + 1);
  });
});
