// A detractor who closes the survey before its end, or leaves the page with it open: staff hear of the case at once.
// While a customer may still write the comment or say how to reach them, a new case's notices wait for it (the
// project's `commentWaitSeconds`, a minute in the demo); the widget's close button, and the page going away, send
// what was answered once more, marked closed, so Slack has the case within seconds instead of a minute later. Real
// browser, real demo server, a real HTTP receiver standing in for Slack.
import { createManagementClient } from '@closeloop/sdk/node';
import { FollowUp, Page as PageOf } from '@closeloop/sdk/schemas';
import { expect, test } from '@playwright/test';
import { startHttpReceiver, type HttpReceiver } from '@closeloop/test-receivers/http-receiver';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { openShopPage, scoreAndComment } from './fixtures/surfaces.js';
import { closeloop } from './fixtures/test-page.js';

let server: DemoServer;
let slack: HttpReceiver;
test.beforeEach(async () => {
  slack = await startHttpReceiver((_, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
  await slack.close();
});

test('closing the survey at the contact step tells Slack of the case at once, with the comment', async ({ page }) => {
  await createManagementClient({ host: server.origin, secretKey: 'sk_demo', retry: 0 }).integrations.slack.put(slack.url);
  await openShopPage(page, server);
  const survey = await scoreAndComment(page, '2', 'The parcel came a week late');
  await expect(survey.getByRole('radiogroup', { name: 'May we contact you about this?' })).toBeVisible();
  // The case is open, and its notices wait for the contact step.
  await expect.poll(async () => PageOf(FollowUp).parse(await server.management('/api/v1/follow-ups')).data.length, { timeout: 10_000 }).toBe(1);
  expect(slack.requests).toHaveLength(0);

  await survey.getByRole('button', { name: 'Close survey' }).click();
  await expect(survey).toHaveCount(0);
  // Well inside the demo's one-minute wait.
  await expect.poll(() => slack.requests.length, { timeout: 10_000 }).toBe(1);
  expect(slack.requests[0]!.body).toContain('The parcel came a week late');
  // The response stays unfinished: the console says the customer left the survey before its end.
  const [found] = PageOf(FollowUp).parse(await server.management('/api/v1/follow-ups')).data;
  expect(found).toMatchObject({ source: 'survey', response: { finished: false, answers: { nps: 2, comment: 'The parcel came a week late' } } });
});

test('leaving the page with only the score given tells Slack of the case at once', async ({ page }) => {
  await createManagementClient({ host: server.origin, secretKey: 'sk_demo', retry: 0 }).integrations.slack.put(slack.url);
  await openShopPage(page, server);
  await closeloop(page, 'show', 'nps');
  const survey = page.locator('closeloop-widget').getByRole('dialog');
  await survey.getByRole('radio', { name: '3', exact: true }).click();
  await expect(survey.getByRole('textbox', { name: /main reason/i })).toBeVisible();
  await expect.poll(async () => PageOf(FollowUp).parse(await server.management('/api/v1/follow-ups')).data.length, { timeout: 10_000 }).toBe(1);
  expect(slack.requests).toHaveLength(0);

  // The visitor goes elsewhere instead of writing the comment.
  await page.goto(`${server.origin}/healthz`);
  await expect.poll(() => slack.requests.length, { timeout: 10_000 }).toBe(1);
  const [found] = PageOf(FollowUp).parse(await server.management('/api/v1/follow-ups')).data;
  expect(found).toMatchObject({ source: 'survey', response: { finished: false, answers: { nps: 3 } } });
});
