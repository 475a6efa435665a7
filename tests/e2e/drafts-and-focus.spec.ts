// Issue 7, item 8: closing never throws away what was typed. The feedback draft (category, comment, email) and a
// survey comment typed but not sent are kept for the life of the page and are there again on reopen; none of it
// is sent until the visitor sends it. After closing, focus goes back to where it was before the widget took it.
import { expect, test } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { commentFirstSurvey, feedbackComment, feedbackForm, feedbackTab, openShopPage, surveyCard } from './fixtures/surfaces.js';

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

test('the feedback draft survives Escape and is there on reopen, unsent', async ({ page }) => {
  await openShopPage(page, server);
  await feedbackTab(page).click();
  await feedbackForm(page).getByRole('radio', { name: 'Praise' }).click();
  await feedbackComment(page).fill('Lovely stitching');
  await feedbackForm(page).getByRole('textbox', { name: /Email/ }).fill('ana@example.com');
  await page.keyboard.press('Escape');
  await expect(feedbackForm(page)).toHaveCount(0);
  await expect(feedbackTab(page)).toBeFocused();

  await feedbackTab(page).click();
  await expect(feedbackForm(page).getByRole('radio', { name: 'Praise' })).toBeChecked();
  await expect(feedbackComment(page)).toHaveValue('Lovely stitching');
  await expect(feedbackForm(page).getByRole('textbox', { name: /Email/ })).toHaveValue('ana@example.com');
  // Focus comes back to where the visitor left off in the form: the chosen category.
  await expect(feedbackForm(page).getByRole('radio', { name: 'Praise' })).toBeFocused();
  const feedback = (await server.management('/api/v1/feedback')) as { data: unknown[] };
  expect(feedback.data).toEqual([]);

  // Once sent, the draft is gone: the next form starts empty.
  await feedbackForm(page).getByRole('button', { name: 'Send' }).click();
  await expect(feedbackForm(page).getByRole('status')).toHaveText('Thank you! We received your feedback.');
  await page.keyboard.press('Escape');
  await feedbackTab(page).click();
  await expect(feedbackComment(page)).toHaveValue('');
});

test('a survey comment typed but not sent is there again when the visitor asks for the survey', async ({ page }) => {
  await server.putSurvey(commentFirstSurvey('asked', [{ type: 'page-view', urls: { rules: [{ op: 'exact', value: '/never' }] } }]));
  await openShopPage(page, server);
  const rate = page.getByRole('button', { name: 'Rate us' });
  await rate.click();
  const survey = surveyCard(page);
  await expect(survey.getByRole('textbox')).toBeFocused();
  await page.keyboard.type('The zip broke after a week');
  await page.keyboard.press('Escape');
  await expect(survey).toHaveCount(0);
  await expect(rate).toBeFocused();

  await rate.click();
  await expect(survey.getByRole('textbox')).toHaveValue('The zip broke after a week');
  const responses = (await server.management('/api/v1/responses')) as { data: unknown[] };
  expect(responses.data).toEqual([]);
});

test('a survey that opened by itself gives focus back to the page field the visitor came from', async ({ page }) => {
  await server.putSurvey(commentFirstSurvey('dwell', [{ type: 'dwell', seconds: 1 }]));
  await openShopPage(page, server);
  const survey = surveyCard(page);
  // The survey opens while the visitor reads (nothing focused); then they search, then answer the survey.
  await expect(survey).toBeVisible({ timeout: 5_000 });
  const search = page.getByRole('textbox', { name: 'Search' });
  await search.click();
  await page.keyboard.type('rain cover');
  await survey.getByRole('textbox').click();
  await page.keyboard.type('Fine');
  await page.keyboard.press('Escape');
  await expect(survey).toHaveCount(0);
  await expect(search).toBeFocused();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
});
