// Signing in to the console and out again, against the real demo server: errors said in words, the session cookie
// doing the rest, and a signed-out browser really signed out (a reload does not bring the session back).
import { expect, test } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { DEMO_LOGINS, signIn } from './fixtures/console.js';

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

test('a wrong password is refused in words; the agent signs in, lands on the inbox, and signs out for good', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto(`${server.origin}/console/`);
  await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible();
  // The tab shows the console's own icon, rather than the browser asking for /favicon.ico and logging its 404.
  const icon = new URL((await page.locator('link[rel="icon"]').getAttribute('href')) ?? '', page.url());
  const iconReply = await page.request.get(icon.href);
  expect(iconReply.status()).toBe(200);
  expect(iconReply.headers()['content-type']).toBe('image/svg+xml');
  await page.getByLabel('Email').fill(DEMO_LOGINS.agent.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The email or the password is wrong.');

  await signIn(page, server.origin, 'agent');
  await expect(page).toHaveURL(`${server.origin}/console/inbox`);
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  // The session survives a reload: it lives in the HttpOnly cookie, not in the page.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  expect(await page.evaluate(() => document.cookie)).not.toContain('closeloop_session');

  await page.locator('.user-menu summary').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible();
  expect((await page.request.get(`${server.origin}/api/v1/follow-ups`)).status()).toBe(401);
  expect(pageErrors).toEqual([]);
});
