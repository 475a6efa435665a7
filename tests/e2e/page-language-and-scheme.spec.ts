// One language and one colour scheme for every surface of a real page (issue 7, items 12 and 13): the survey and
// the feedback form follow the script tag's data-locale, then identify's locale, then <html lang>, then the
// browser; each text is marked with the language it is in; `auto` follows the page's declared color-scheme.
// Real surveys of the demo project, shown with closeloop('show', id), in Debian's chromium; screenshots under
// test-results/.
import type { SurveyDefinitionInput } from '@closeloop/sdk/schemas';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { closeloop, serveTestFiles, SNIPPET } from './fixtures/test-page.js';

const ENGLISH_PROMPT = 'How likely are you to recommend Demo Shop to a friend?';
const UNTRANSLATED_PROMPT = 'What is the main reason for your score?';

/** Written in English, no translations: on a Swedish page its texts are English among the widget's Swedish words. */
const ENGLISH: SurveyDefinitionInput = {
  id: 'lang-english',
  name: 'English NPS',
  questions: [{ id: 'nps', type: 'nps', prompt: ENGLISH_PROMPT, required: true }],
};

/** Translated into Arabic, except its newest question: the case of a survey whose translation lags behind. */
const ARABIC: SurveyDefinitionInput = {
  id: 'lang-arabic',
  name: 'Arabic NPS',
  questions: [
    { id: 'nps', type: 'nps', prompt: ENGLISH_PROMPT, required: true },
    { id: 'reason', type: 'text', prompt: UNTRANSLATED_PROMPT, multiline: true },
  ],
  translations: { ar: { questions: { nps: { prompt: 'ما مدى احتمال أن توصي بمتجرنا لصديق؟', lowLabel: 'غير محتمل', highLabel: 'محتمل جدًا' } } } },
};

interface PageOptions {
  lang?: string;
  dir?: 'rtl';
  /** Extra attributes of the closeloop.js script tag. */
  attributes?: string;
  head?: string;
}

/** A shop page with the snippet and the script tag (feedback button on); `lang` on <html> only when given. */
function shopPage({ lang, dir, attributes = '', head = '' }: PageOptions): string {
  return `<!doctype html><html${lang ? ` lang="${lang}"` : ''}${dir ? ` dir="${dir}"` : ''}><head><meta charset="utf-8"><title>Shop</title>
${head}
<script>${SNIPPET}</script>
<script async src="/closeloop.js" data-project="pk_demo" data-feedback-button="Feedback" ${attributes}></script>
</head><body><main><h1>Shop</h1><p>Backpacks and bags.</p></main></body></html>`;
}

async function open(page: Page, options: PageOptions): Promise<void> {
  await serveTestFiles(page, server, { '/e2e/shop.html': { body: shopPage(options) } });
  await page.goto(`${server.origin}/e2e/shop.html`);
}

/** The survey, shown as a visitor asking for it would see it. */
async function showSurvey(page: Page, id: string): Promise<Locator> {
  await closeloop(page, 'show', id);
  const dialog = page.locator('closeloop-widget').getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The feedback form, opened from its tab. */
async function openForm(page: Page): Promise<Locator> {
  await page.locator('closeloop-feedback').getByRole('button', { name: 'Feedback', exact: true }).click();
  const form = page.locator('closeloop-feedback').getByRole('dialog');
  await expect(form).toBeVisible();
  return form;
}

/** The language and direction a reader is given for an element: its own, else its nearest ancestor's. */
const languageOf = (element: Locator) =>
  element.evaluate((el) => ({ lang: el.closest('[lang]')?.getAttribute('lang'), dir: getComputedStyle(el).direction }));

/** A screenshot of an element and a margin of the page around it. */
async function shoot(page: Page, element: Locator, name: string): Promise<void> {
  const box = await element.boundingBox();
  if (!box) throw new Error(`${name}: no box`);
  const x = Math.max(0, box.x - 24);
  const y = Math.max(0, box.y - 24);
  await page.screenshot({ path: `test-results/${name}.png`, clip: { x, y, width: Math.min(1280 - x, box.width + 48), height: Math.min(800 - y, box.height + 48) } });
}

let server: DemoServer;
test.beforeAll(async () => {
  server = await startDemoServer();
  for (const survey of [ENGLISH, ARABIC]) await server.putSurvey(survey);
});
test.afterAll(async () => {
  await server.stop();
});

test.describe('one language for the survey and the feedback form', () => {
  // An English browser throughout: each page below says otherwise, and the widget must listen to the page.
  test.use({ locale: 'en-US' });

  test('<html lang="sv">: the survey and the form are Swedish; the survey’s English prompt is marked English', async ({ page }) => {
    await open(page, { lang: 'sv' });
    const survey = await showSurvey(page, ENGLISH.id);
    await expect(survey).toHaveAttribute('lang', 'sv');
    await expect(survey.getByRole('button', { name: 'Stäng enkäten' })).toBeVisible();
    expect(await languageOf(survey.getByRole('heading', { name: ENGLISH_PROMPT }))).toEqual({ lang: 'en', dir: 'ltr' });
    await page.keyboard.press('Escape');

    const form = await openForm(page);
    await expect(form).toHaveAccessibleName('Skicka feedback');
    await expect(form).toHaveAttribute('lang', 'sv');
  });

  test('data-locale="sv" on an English page: a Swedish survey beside a Swedish form', async ({ page }) => {
    await open(page, { lang: 'en', attributes: 'data-locale="sv"' });
    const survey = await showSurvey(page, ENGLISH.id);
    await expect(survey.getByRole('button', { name: 'Stäng enkäten' })).toBeVisible();
    const form = await openForm(page);
    await expect(form).toHaveAccessibleName('Skicka feedback');
  });

  test('identify’s locale over <html lang="en">: the survey and the form in the visitor’s Dutch', async ({ page }) => {
    await open(page, { lang: 'en' });
    await closeloop(page, 'identify', 'user-7', { locale: 'nl-NL' });
    const survey = await showSurvey(page, ENGLISH.id);
    await expect(survey).toHaveAttribute('lang', 'nl-NL');
    await expect(survey.getByRole('button', { name: 'Enquête sluiten' })).toBeVisible();
    await page.keyboard.press('Escape');
    const form = await openForm(page);
    await expect(form).toHaveAccessibleName('Feedback geven');
  });

  test('an Arabic survey with an untranslated English prompt: the prompt is left to right, its question mark at its end', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await open(page, { lang: 'ar', dir: 'rtl' });
    const survey = await showSurvey(page, ARABIC.id);
    expect(await languageOf(survey)).toEqual({ lang: 'ar', dir: 'rtl' });
    await survey.getByRole('radio', { name: '9', exact: true }).click();

    const prompt = survey.getByRole('heading', { name: UNTRANSLATED_PROMPT });
    await expect(prompt).toBeVisible();
    expect(await languageOf(prompt)).toEqual({ lang: 'en', dir: 'ltr' });
    // Where the question mark is drawn: after the last word ("score?"), not before the first ("?What") as it
    // is when English runs inside a right-to-left line.
    const drawn = await prompt.evaluate((heading) => {
      const text = heading.firstChild as Text;
      const at = (index: number) => {
        const range = document.createRange();
        range.setStart(text, index);
        range.setEnd(text, index + 1);
        return range.getBoundingClientRect();
      };
      const content = text.data;
      return { questionMark: at(content.length - 1).left, lastLetter: at(content.length - 2).left, firstLetter: at(0).left };
    });
    expect(drawn.questionMark).toBeGreaterThan(drawn.lastLetter);
    expect(drawn.questionMark).toBeGreaterThan(drawn.firstLetter);
    // The widget's own words stay Arabic around it.
    await expect(survey.getByRole('button', { name: 'إرسال' })).toBeVisible();
    await shoot(page, survey, 'lang-arabic-untranslated-prompt');
  });
});

test.describe('colour scheme auto on a light-only page under a dark system', () => {
  const WHITE = 'rgb(255, 255, 255)';
  const DARK_CARD = 'rgb(31, 41, 55)';
  const background = (element: Locator) => element.evaluate((el) => getComputedStyle(el).backgroundColor);

  for (const [how, head] of [
    ['meta', '<meta name="color-scheme" content="light">'],
    ['css', '<style>:root { color-scheme: light }</style>'],
  ] as const) {
    test(`declared with ${how}: the survey and the feedback form are light`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
      await open(page, { lang: 'en', head });
      const survey = await showSurvey(page, ENGLISH.id);
      expect(await background(survey)).toBe(WHITE);
      await shoot(page, survey, `scheme-light-page-dark-os-${how}-survey`);
      await page.keyboard.press('Escape');

      const form = await openForm(page);
      expect(await background(form)).toBe(WHITE);
      // The tab, too, once the form's chunk has read the page: the light accent.
      expect(await background(page.locator('closeloop-feedback').getByRole('button', { name: 'Feedback', exact: true }))).toBe('rgb(67, 56, 202)');
      await shoot(page, form, `scheme-light-page-dark-os-${how}-form`);
    });
  }

  test('a page that declares nothing, or both schemes, still follows the dark system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    for (const head of ['', '<meta name="color-scheme" content="light dark">']) {
      await open(page, { lang: 'en', head });
      const survey = await showSurvey(page, ENGLISH.id);
      expect(await background(survey)).toBe(DARK_CARD);
      await page.keyboard.press('Escape');
      expect(await background(await openForm(page))).toBe(DARK_CARD);
    }
  });
});
