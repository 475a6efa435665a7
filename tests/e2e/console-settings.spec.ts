// The admin's settings page in a real browser against `closeloop demo`: a key created and shown once, a webhook to a
// real local receiver sent a test (its log shows the 2xx), business hours changed; an agent neither sees the page nor
// gets past the API; axe on the page, light and dark, desktop and phone, with the screenshots people look at.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { axeViolations, signIn } from './fixtures/console.js';

const screens = process.env.CLOSELOOP_SCREENS ?? 'test-results/settings';

let server: DemoServer;
test.beforeEach(async () => {
  server = await startDemoServer();
});
test.afterEach(async () => {
  await server.stop();
});

/** A webhook receiver on 127.0.0.1 (the demo allows private targets) that answers 204 and keeps what it got. */
async function startReceiver(): Promise<{ url: string; received: { headers: IncomingHttpHeaders; body: string }[]; server: Server }> {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const http = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('receiver: no port');
  return { url: `http://127.0.0.1:${address.port}/closeloop`, received, server: http };
}

async function openSettings(page: Page) {
  await signIn(page, server.origin, 'admin');
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

test('an admin creates a key (shown once, and it works), adds a webhook and sends it a test, and changes business hours', async ({ page }) => {
  page.on('dialog', (dialog) => void dialog.accept());
  await openSettings(page);

  const keys = page.getByRole('region', { name: 'Secret keys', exact: true });
  await keys.getByLabel("New key's label").fill('Billing backend');
  await keys.getByRole('button', { name: 'Create key' }).click();
  const secret = (await keys.locator('code.secret').textContent()) ?? '';
  expect(secret).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
  await keys.screenshot({ path: `${screens}/settings-key-shown-once-light-1280.png` });
  expect((await fetch(`${server.origin}/api/v1/keys`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
  await keys.getByRole('button', { name: 'I have stored it' }).click();
  await expect(keys.locator('code.secret')).toHaveCount(0);
  await expect(keys.getByRole('table')).toContainText(`${secret.slice(0, 12)}…`);
  await expect(keys.getByRole('table')).not.toContainText(secret);
  // Revoked from the console, the key gets 401 from its next request on.
  await keys.getByRole('button', { name: 'Revoke Billing backend' }).click();
  await expect(keys.getByRole('table')).toContainText('Revoked');
  expect((await fetch(`${server.origin}/api/v1/keys`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);

  const receiver = await startReceiver();
  try {
    const hooks = page.getByRole('region', { name: 'Webhooks', exact: true });
    await hooks.getByLabel('URL').fill(receiver.url);
    await hooks.getByLabel(/Case resolved/).check();
    await hooks.getByRole('button', { name: 'Add webhook' }).click();
    await expect(hooks.locator('code.secret')).toHaveText(/^whsec_/);
    await hooks.getByRole('button', { name: 'I have stored it' }).click();
    await hooks.getByRole('button', { name: `Send a test to ${receiver.url}` }).click();
    const log = hooks.getByRole('table', { name: `Latest deliveries to ${receiver.url}` });
    await expect(log).toContainText('webhook.test');
    await expect(log).toContainText('204 delivered');
    await hooks.screenshot({ path: `${screens}/settings-webhook-test-light-1280.png` });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers['webhook-signature']).toMatch(/^v1,/);
    expect(JSON.parse(receiver.received[0]?.body ?? '{}')).toMatchObject({ type: 'webhook.test' });
  } finally {
    receiver.server.close();
  }

  const sla = page.getByRole('region', { name: 'Business hours and SLA', exact: true });
  await sla.getByLabel(/Count due times in business hours/).check();
  await sla.getByLabel('Time zone').fill('Europe/Stockholm');
  await sla.getByLabel('From').fill('18:00');
  await sla.getByLabel('Until').fill('08:00');
  await sla.getByRole('button', { name: 'Save business hours' }).click();
  await expect(sla.getByText(/^must be after start/)).toBeVisible();
  await sla.screenshot({ path: `${screens}/settings-business-hours-error-light-1280.png` });
  await sla.getByLabel('From').fill('08:00');
  await sla.getByLabel('Until').fill('17:30');
  await sla.getByLabel('Saturday').check();
  await sla.getByRole('button', { name: 'Save business hours' }).click();
  await expect(page.getByText('Business hours saved')).toBeVisible();
  expect(await server.management('/api/v1/settings')).toMatchObject({ businessHours: { timeZone: 'Europe/Stockholm', days: [1, 2, 3, 4, 5, 6], start: '08:00', end: '17:30' } });
});

test('an agent sees no settings, and the API refuses the agent’s session (403)', async ({ page }) => {
  await signIn(page, server.origin, 'agent');
  await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await page.goto(`${server.origin}/console/settings`);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Settings');
  await expect(page.getByRole('region', { name: 'Secret keys', exact: true })).toHaveCount(0);

  const session = (await (await page.request.get(`${server.origin}/api/v1/session`)).json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': session.csrfToken };
  for (const [method, path, data] of [
    ['POST', '/api/v1/keys', { label: 'Mine' }],
    ['PATCH', '/api/v1/settings/project', { allowedOrigins: ['*'] }],
    ['POST', '/api/v1/settings/identity-secret/rotate', {}],
    ['POST', '/api/v1/integrations/email/test', { to: 'agent@demo.closeloop.dev' }],
  ] as const) {
    const res = await page.request.fetch(server.origin + path, { method, headers, data });
    expect(res.status(), `${method} ${path}`).toBe(403);
  }
});

test.describe('axe and screenshots', () => {
  // axe-core is injected as a script; the console's strict CSP (tested on its own) would refuse it.
  test.use({ bypassCSP: true });
for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1280, 390] as const) {
    test(`the settings page has no axe violations (${scheme}, ${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
      await page.emulateMedia({ colorScheme: scheme });
      await openSettings(page);
      await expect(page.getByRole('region', { name: 'Webhooks', exact: true })).toBeVisible();
      await expect(page.getByRole('region', { name: 'When new cases are told of' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Members', exact: true }).getByRole('table')).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screens}/settings-${scheme}-${width}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
    });
  }
}
});
