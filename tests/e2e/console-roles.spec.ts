// Roles hold in the browser and, above all, at the API: an agent sees no admin-only page, and the same session
// that works cases is refused when it tries to change settings, surveys or keys.
import { expect, test } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { signIn } from './fixtures/console.js';

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

test('an agent cannot see or reach what only an admin may change', async ({ page }) => {
  await signIn(page, server.origin, 'agent');
  const nav = page.getByRole('navigation', { name: 'Console' });
  // Surveys are readable by every role (surveys:read); the page offers an agent no way to change them. Settings are
  // an admin's page: an agent's navigation has no entry for it.
  await expect(nav.getByRole('link')).toHaveText(['Inbox', 'Surveys', 'Results']);
  await expect(nav.getByRole('link', { name: /settings/i })).toHaveCount(0);
  await page.goto(`${server.origin}/console/settings`);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/settings/i);

  // The API refuses the agent's session itself, CSRF token and all: hiding a button is not the protection.
  const session = (await (await page.request.get(`${server.origin}/api/v1/session`)).json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': session.csrfToken, 'content-type': 'application/json' };
  const settings = await page.request.patch(`${server.origin}/api/v1/settings`, { headers, data: { rootCauses: [{ id: 'x', label: 'X' }] } });
  expect(settings.status()).toBe(403);
  expect(((await settings.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  const survey = await page.request.delete(`${server.origin}/api/v1/surveys/nps`, { headers });
  expect(survey.status()).toBe(403);
  // And a write without the CSRF token is refused before any permission check.
  expect((await page.request.post(`${server.origin}/api/v1/webhooks`, { data: { url: 'https://example.com/hook' } })).status()).toBe(403);
});
