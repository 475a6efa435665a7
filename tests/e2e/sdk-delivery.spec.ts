// Answers are never lost: given while offline or while the server is unreachable, each is delivered when the way
// is clear again (the `online` event, or the next page load), and stored exactly once with every answer.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FollowUp, Page as ApiPage, StoredResponse } from '@closeloop/sdk/schemas';
import { expect, test, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { closeloop, serveTestFiles, widgetPage } from './fixtures/test-page.js';

const ResponsePage = ApiPage(StoredResponse);
const FollowUpPage = ApiPage(FollowUp);
const COMMENT = 'The app logged me out twice during checkout.';

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

const responses = async () => ResponsePage.parse(await server.management('/api/v1/responses')).data;
const followUps = async () => FollowUpPage.parse(await server.management('/api/v1/follow-ups')).data;
const queued = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('closeloop:outbox') ?? '[]').length as number);

async function openPage(page: Page): Promise<void> {
  await serveTestFiles(page, server, { '/e2e/account.html': { body: widgetPage({ title: 'Account' }) } });
  const configLoaded = page.waitForResponse((r) => r.url().includes('/v1/config'));
  await page.goto(`${server.origin}/e2e/account.html`);
  await configLoaded;
}

/**
 * Shows the demo NPS survey and answers it as a detractor, with a comment: two steps, two submissions.
 * `cutOff` runs once the survey is on screen (its UI chunk loaded), before the first answer.
 */
async function answerSurvey(page: Page, cutOff: () => Promise<void>): Promise<void> {
  await closeloop(page, 'show', 'nps');
  await expect(page.getByRole('dialog', { name: /recommend/i })).toBeVisible();
  const survey = page.getByRole('dialog');
  await cutOff();
  await survey.getByRole('radio', { name: '3', exact: true }).click();
  await survey.getByRole('textbox', { name: /main reason/i }).fill(COMMENT);
  await survey.getByRole('button', { name: 'Submit' }).click();
  // The demo asks an anonymous detractor whether support may contact them: skipped here, it sends nothing.
  await survey.getByRole('button', { name: 'Skip' }).click();
  await expect(survey.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
}

/** Exactly one response holding both answers, finished, and one case: then still so a moment later. */
async function expectDeliveredOnce(): Promise<void> {
  await expect.poll(async () => (await responses()).map((r) => r.finished), { timeout: 15_000 }).toEqual([true]);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const stored = await responses();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ surveyId: 'nps', answers: { nps: 3, comment: COMMENT }, finished: true });
  const cases = await followUps();
  expect(cases).toHaveLength(1);
  expect(cases[0]).toMatchObject({ source: 'survey', reason: { question: 'nps', value: 3 } });
}

test('offline: answers wait in the outbox and are delivered once when the browser is back online', async ({ page, context }) => {
  await openPage(page);
  await answerSurvey(page, () => context.setOffline(true));

  await page.waitForTimeout(1_000);
  expect(await responses()).toEqual([]);
  expect(await queued(page)).toBe(1);

  await context.setOffline(false);
  await expectDeliveredOnce();
  expect(await queued(page)).toBe(0);
});

test('server down: retried while the page lives, then delivered once by the next page load', async ({ page }) => {
  const attempts: number[] = [];
  page.on('requestfailed', (request) => {
    if (request.url() === `${server.origin}/v1/responses`) attempts.push(Date.now());
  });
  await openPage(page);
  await answerSurvey(page, () => server.pause());

  // The first attempt and at least one retry with backoff found no server.
  await expect.poll(() => attempts.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  expect(await queued(page)).toBe(1);

  // The visitor leaves while the server is still down (the pagehide beacon finds no server either)...
  await page.goto('about:blank');
  await server.resume();
  expect(await responses()).toEqual([]);
  // ...and comes back once it is up: the page load sends what was queued.
  await openPage(page);
  await expectDeliveredOnce();
  expect(await queued(page)).toBe(0);
});

/** The server's own SQLite driver, so a second process can open its file the way another tool would. */
const serverPackage = fileURLToPath(new URL('../../packages/server/package.json', import.meta.url));

/**
 * Another process (as a backup or a second tool would) takes the database's write lock and holds it: every write of
 * the server waits its busy timeout, then fails. Resolves once the lock is held; `release` rolls back and exits.
 */
async function lockDatabase(dataDir: string): Promise<{ release(): Promise<void> }> {
  const holder = `
    const Database = require('node:module').createRequire(${JSON.stringify(serverPackage)})('better-sqlite3');
    const db = new Database(${JSON.stringify(join(dataDir, 'closeloop.sqlite'))});
    db.exec('begin immediate');
    process.stdout.write('locked\\n');
    process.stdin.resume().on('end', () => { db.exec('rollback'); db.close(); });`;
  const child: ChildProcess = spawn(process.execPath, ['-e', holder], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the lock holder exited with ${code} before taking the lock`)));
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
  });
  return {
    release: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}

test('database unavailable: 503 with Retry-After, the answer waits in the outbox, and is stored once when it is back', async ({ page }) => {
  test.setTimeout(120_000);
  const replies: { status: number; retryAfter: string | null }[] = [];
  page.on('response', (response) => {
    if (response.url() === `${server.origin}/v1/responses`) replies.push({ status: response.status(), retryAfter: response.headers()['retry-after'] ?? null });
  });
  await openPage(page);
  let lock: { release(): Promise<void> } | undefined;
  try {
    await answerSurvey(page, async () => {
      lock = await lockDatabase(server.dataDir);
    });
    // The server waited on the lock, then said so: 503, come back in 5 s. Nothing was stored, nothing is lost.
    await expect.poll(() => replies.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    expect(replies[0]).toEqual({ status: 503, retryAfter: '5' });
    expect(await queued(page)).toBe(1);
    // /readyz names the part that is down (the jobs still run).
    const health = await fetch(`${server.origin}/readyz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, database: { ok: false, name: 'SQLite', reason: expect.stringMatching(/locked/) }, jobs: { ok: true, running: true } });
  } finally {
    await lock?.release();
  }

  // Back: the outbox's own retry, Retry-After seconds later, delivers it, on this same page.
  expect((await fetch(`${server.origin}/readyz`)).status).toBe(200);
  await expectDeliveredOnce();
  expect(await queued(page)).toBe(0);
  expect(replies.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
  expect(replies.every((r) => r.status === 201 || (r.status === 503 && r.retryAfter === '5'))).toBe(true);
});
