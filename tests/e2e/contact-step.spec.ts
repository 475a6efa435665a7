// The demo's contact step in a real browser against the real demo server: an anonymous detractor is asked "May we
// contact you about this?" after the comment, consents by email (a bad address first, named under the field), and
// the case read back through the management API holds the response with the contact answer; at a desk and on a
// touch phone. A promoter and a verified user with an email attribute never see the step. Screenshots of the step
// (desktop, phone, Arabic) under test-results/.
import { signIdentity } from '@closeloop/sdk/node';
import { FollowUp, Page as ListPage } from '@closeloop/sdk/schemas';
import type { SurveyDefinitionInput } from '@closeloop/sdk/schemas';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { scoreAndComment } from './fixtures/surfaces.js';
import { closeloop, serveTestFiles, widgetPage } from './fixtures/test-page.js';

const FollowUpPage = ListPage(FollowUp);
const PROMPT = 'May we contact you about this?';
const PROMISE = 'We read every answer, and when something went wrong we will get back to you.';
const VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">';

let server: DemoServer;
test.beforeAll(async () => {
  server = await startDemoServer();
});
test.afterAll(async () => {
  await server.stop();
});

async function openShop(page: Page): Promise<void> {
  await serveTestFiles(page, server, { '/e2e/contact.html': { body: widgetPage({ title: 'Checkout', head: VIEWPORT }) } });
  const configLoaded = page.waitForResponse((r) => r.url().includes('/v1/config'));
  await page.goto(`${server.origin}/e2e/contact.html`);
  await configLoaded;
}

/** The case whose response carries `comment`, once the server has it with the response finished. */
async function caseWithComment(comment: string) {
  let found: FollowUp | undefined;
  await expect
    .poll(
      async () => {
        const { data } = FollowUpPage.parse(await server.management('/api/v1/follow-ups?limit=100'));
        found = data.find((c) => c.source === 'survey' && c.response.answers.comment === comment && c.response.finished);
        return found !== undefined;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return found!;
}

/** The elements of `locator` smaller than a 44×44 CSS px touch target. */
async function tooSmall(locator: Locator): Promise<string[]> {
  const boxes = await locator.evaluateAll((elements) =>
    elements.map((el) => ({ name: el.textContent ?? el.getAttribute('aria-label'), ...el.getBoundingClientRect().toJSON() })),
  );
  return boxes.filter((b) => b.width < 44 || b.height < 44).map((b) => `${b.name}: ${b.width}×${b.height}`);
}

/** Consents by email: a bad address is named under the field and not sent, then the good one is. */
async function consentByEmail(page: Page, survey: Locator, address: string, shot: string): Promise<void> {
  await expect(survey.getByRole('radiogroup', { name: PROMPT })).toBeVisible();
  await survey.getByRole('radio', { name: 'Yes' }).click();
  await expect(survey.getByRole('radio', { name: 'Email' })).toHaveAttribute('aria-checked', 'true');
  const field = survey.getByRole('textbox', { name: 'Your email address' });
  await expect(field).toHaveAttribute('type', 'email');
  await expect(field).toHaveAttribute('autocomplete', 'email');
  await expect(field).toHaveAttribute('inputmode', 'email');
  await field.fill('ann@');
  await survey.getByRole('button', { name: 'Submit' }).click();
  await expect(field).toBeFocused();
  await expect(field).toHaveAccessibleDescription('Enter an email address, like name@example.com.');
  await page.screenshot({ path: `test-results/${shot}.png` });
  await field.fill(address);
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await survey.getByRole('button', { name: 'Submit' }).click();
  // They said yes: the survey's promise to get back to them holds, and stays.
  await expect(survey.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await expect(survey.getByRole('paragraph').filter({ hasText: PROMISE })).toBeVisible();
}

test('an anonymous detractor at a desk is asked after the comment, consents by email, and the case has the contact', async ({ page }) => {
  await openShop(page);
  const comment = 'The parcel arrived crushed.';
  const survey = await scoreAndComment(page, '2', comment);
  await consentByEmail(page, survey, 'ann@example.com', 'contact-step-desktop');

  const opened = await caseWithComment(comment);
  expect(opened).toMatchObject({ reason: { question: 'nps', value: 2 }, status: 'open' });
  if (opened.source !== 'survey') throw new Error('expected the case of a survey response');
  expect(opened.response.answers).toEqual({ nps: 2, comment, contact: { consent: true, channel: 'email', address: 'ann@example.com' } });
  expect(opened.response.respondent.verified).toBe(false);
});

test.describe('on a touch phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 });

  test('the step fits the phone, every control a 44 px target, and the consent reaches the case', async ({ page }) => {
    await openShop(page);
    const comment = 'Checkout failed twice on my phone.';
    const survey = await scoreAndComment(page, '4', comment);
    await expect(survey.getByRole('radiogroup', { name: PROMPT })).toBeVisible();
    await survey.getByRole('radio', { name: 'Yes' }).tap();
    await expect(survey.getByRole('textbox', { name: 'Your email address' })).toBeVisible();
    expect(await tooSmall(survey.getByRole('radio'))).toEqual([]);
    expect(await tooSmall(survey.getByRole('button'))).toEqual([]);
    expect(await tooSmall(survey.getByRole('textbox'))).toEqual([]);
    const card = await survey.boundingBox();
    expect(card && card.x >= 0 && card.x + card.width <= 390).toBe(true);
    await consentByEmail(page, survey, 'bo@example.org', 'contact-step-phone');

    const opened = await caseWithComment(comment);
    if (opened.source !== 'survey') throw new Error('expected the case of a survey response');
    expect(opened.response.answers.contact).toEqual({ consent: true, channel: 'email', address: 'bo@example.org' });
  });
});

test('a promoter is never asked, and the case rule opens nothing', async ({ page }) => {
  await openShop(page);
  const comment = 'Fast and friendly.';
  const survey = await scoreAndComment(page, '9', comment);
  await expect(survey.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await expect(survey.getByRole('radiogroup', { name: PROMPT })).toHaveCount(0);
  await expect
    .poll(async () => {
      const { data } = (await server.management('/api/v1/responses?limit=100')) as { data: { answers: Record<string, unknown>; finished: boolean }[] };
      return data.find((r) => r.answers.comment === comment && r.finished)?.answers;
    })
    .toEqual({ nps: 9, comment });
});

test('a verified user with an email attribute is never asked: support can write to them already', async ({ page }) => {
  await openShop(page);
  await closeloop(page, 'identify', 'customer-7', { email: 'cy@example.com' }, { signature: signIdentity('demo-identity-secret', 'customer-7') });
  const comment = 'Support never called back.';
  const survey = await scoreAndComment(page, '1', comment);
  await expect(survey.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await expect(survey.getByRole('radiogroup', { name: PROMPT })).toHaveCount(0);
  const opened = await caseWithComment(comment);
  if (opened.source !== 'survey') throw new Error('expected the case of a survey response');
  expect(opened.response.respondent).toMatchObject({ userId: 'customer-7', verified: true, attributes: { email: 'cy@example.com' } });
  expect(opened.response.answers).toEqual({ nps: 1, comment });
});

test.describe('in Arabic', () => {
  test('the step is mirrored, in the widget’s Arabic words, and a refusal is thanked without a promise', async ({ page }) => {
    const arabic: SurveyDefinitionInput = {
      id: 'contact-ar',
      name: 'Contact in Arabic',
      questions: [
        { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend Demo Shop?', required: true },
        { id: 'contact', type: 'contact', prompt: 'May we contact you about this?' },
      ],
      thankYou: { title: 'Thank you!', body: PROMISE },
      translations: {
        ar: {
          questions: { nps: { prompt: 'ما مدى احتمال أن توصي بمتجرنا؟' }, contact: { prompt: 'هل يمكننا التواصل معك بشأن هذا؟' } },
          thankYou: { title: 'شكرًا لك!', body: 'نقرأ كل إجابة، وسنعود إليك إن حدث خطأ ما.' },
        },
      },
    };
    await server.putSurvey(arabic);
    await openShop(page);
    // The test page says <html lang="en">: the visitor's own locale, given to identify (unsigned, no email), wins.
    await closeloop(page, 'identify', 'visitor-ar', { locale: 'ar' });
    await closeloop(page, 'show', 'contact-ar');
    const survey = page.locator('closeloop-widget').getByRole('dialog');
    await survey.getByRole('radio').first().click();
    await expect(survey).toHaveAccessibleName('هل يمكننا التواصل معك بشأن هذا؟');
    await expect(survey).toHaveAttribute('dir', 'rtl');
    await survey.getByRole('radio', { name: 'نعم' }).click();
    await survey.getByRole('radio', { name: 'الهاتف' }).click();
    const phone = survey.getByRole('textbox', { name: 'رقم هاتفك' });
    await expect(phone).toHaveAttribute('type', 'tel');
    await expect(phone).toHaveAttribute('inputmode', 'tel');
    await phone.fill('12');
    await survey.getByRole('button', { name: 'إرسال' }).click();
    await expect(phone).toHaveAccessibleDescription('أدخل رقم هاتف من 7 إلى 20 رقمًا، وعلامة + في أوله فقط.');
    await page.screenshot({ path: 'test-results/contact-step-arabic.png' });

    // Arrows follow the mirrored layout: ArrowLeft goes on to "No".
    await survey.getByRole('radio', { name: 'نعم' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(survey.getByRole('radio', { name: 'لا' })).toBeFocused();
    await expect(survey.getByRole('radio', { name: 'لا' })).toHaveAttribute('aria-checked', 'true');
    await expect(phone).toHaveCount(0);
    await survey.getByRole('button', { name: 'إرسال' }).click();
    await expect(survey.getByRole('heading', { name: 'شكرًا لك!' })).toBeVisible();
    // Declined: the survey's promise to get back to them is not shown; the widget's own thanks is.
    await expect(survey.getByText('نقرأ كل إجابة، وسنعود إليك إن حدث خطأ ما.')).toHaveCount(0);
    await expect(survey.getByText('شكرًا لإخبارنا. نقرأ كل إجابة.', { exact: true })).toBeVisible();
    await page.screenshot({ path: 'test-results/contact-step-arabic-thanks.png' });
  });
});
