import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { ProjectSettings, SecretKey, Webhook, WebhookDelivery } from '@closeloop/sdk/schemas';
import { errorReply, json } from '../../test-support/fake-fetch.js';
import { MEMBERS, PROJECT, sessionOf } from '../../test-support/fixtures.js';
import { renderConsole } from '../../test-support/render-console.js';

const AT = '2026-11-23T10:00:00.000Z';
const ORIGINAL_KEY: SecretKey = { id: '0190a0b0-0000-7000-8000-00000000c001', label: 'Original key', prefix: 'sk_', createdAt: AT, lastUsedAt: null, revokedAt: null };
const SECRET = `sk_live_${'a'.repeat(43)}`;
const HOOK: Webhook = { id: '0190a0b0-0000-7000-8000-00000000d001', url: 'https://hooks.shop.example/closeloop', events: ['follow_up.opened'], createdAt: AT };

/** The settings page as an admin, against a fake server that keeps keys, settings and the webhook's log. */
function settingsPage(role: 'admin' | 'agent' = 'admin', handlers: Parameters<typeof renderConsole>[1] = {}) {
  let keys: SecretKey[] = [ORIGINAL_KEY];
  let settings: ProjectSettings = { rootCauses: [], businessHours: null, feedbackRouting: [], customerValue: null, commentWaitSeconds: 60 };
  const log: WebhookDelivery[] = [];
  const rendered = renderConsole('/settings', {
    'GET /api/v1/session': () => json(200, sessionOf(role)),
    'GET /api/v1/settings/project': () => json(200, { ...PROJECT, allowedOrigins: ['https://shop.example'] }),
    'GET /api/v1/keys': () => json(200, { data: keys }),
    'POST /api/v1/keys': async (request) => {
      const { label } = (await request.json()) as { label: string };
      const key = { id: '0190a0b0-0000-7000-8000-00000000c002', label, prefix: SECRET.slice(0, 12), createdAt: AT, lastUsedAt: null, revokedAt: null };
      keys = [...keys, key];
      return json(201, { ...key, secret: SECRET });
    },
    'DELETE /api/v1/keys/:id': (_, { id }) => {
      keys = keys.map((k) => (k.id === id ? { ...k, revokedAt: AT } : k));
      return json(204, null);
    },
    'GET /api/v1/members': () => json(200, { data: MEMBERS }),
    'GET /api/v1/teams': () => json(200, { data: [] }),
    'GET /api/v1/settings': () => json(200, settings),
    'PATCH /api/v1/settings': async (request) => {
      settings = { ...settings, ...((await request.json()) as Partial<ProjectSettings>) };
      return json(200, settings);
    },
    'GET /api/v1/webhooks': () => json(200, { data: [HOOK] }),
    'GET /api/v1/webhooks/:id/deliveries': () => json(200, { data: log, nextCursor: null }),
    'POST /api/v1/webhooks/:id/test': () => {
      const delivery: WebhookDelivery = { id: '0190a0b0-0000-7000-8000-00000000e001', webhookId: HOOK.id, type: 'webhook.test', messageId: 'msg_test_1', attempt: 1, statusCode: 204, durationMs: 12, error: null, at: AT };
      log.unshift(delivery);
      return json(200, delivery);
    },
    'GET /api/v1/integrations/slack': () => errorReply(404, 'integration_not_found', 'project has no Slack integration'),
    ...handlers,
  });
  return { ...rendered, settings: () => settings };
}

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('the settings page', () => {
  it('creates a key and shows its secret once, with a copy button; the list shows only its prefix', async () => {
    const { requests } = settingsPage();
    const keys = await screen.findByRole('region', { name: 'Secret keys' });
    await within(keys).findByText('Original key');
    fireEvent.input(within(keys).getByLabelText("New key's label"), { target: { value: 'Billing backend' } });
    fireEvent.click(within(keys).getByRole('button', { name: 'Create key' }));
    expect(await within(keys).findByText(SECRET)).toBeTruthy();
    expect(within(keys).getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ label: 'Billing backend' });
    await within(keys).findByText('Billing backend');
    expect(within(keys).getByRole('table').textContent).toContain(`${SECRET.slice(0, 12)}…`);
    expect(within(keys).getByRole('table').textContent).not.toContain(SECRET);

    fireEvent.click(within(keys).getByRole('button', { name: 'I have stored it' }));
    await waitFor(() => expect(within(keys).queryByText(SECRET)).toBeNull());
  });

  it('shows the label error beside the field before sending, from the shared schema', async () => {
    const { requests } = settingsPage();
    const keys = await screen.findByRole('region', { name: 'Secret keys' });
    fireEvent.click(within(keys).getByRole('button', { name: 'Create key' }));
    const field = within(keys).getByLabelText("New key's label");
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(field.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toBe('must not be empty');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('revokes a key after asking, and shows it revoked', async () => {
    vi.stubGlobal('confirm', () => true);
    const { requests } = settingsPage();
    const keys = await screen.findByRole('region', { name: 'Secret keys' });
    fireEvent.click(await within(keys).findByRole('button', { name: 'Revoke Original key' }));
    await within(keys).findByText(/^Revoked/);
    expect(requests.some((r) => r.method === 'DELETE' && r.url.pathname === `/api/v1/keys/${ORIGINAL_KEY.id}`)).toBe(true);
  });

  it("maps the server's 422 on an origin to the origins field, naming the line", async () => {
    settingsPage('admin', {
      'PATCH /api/v1/settings/project': () => json(422, { error: { code: 'invalid_request', message: 'Invalid project settings: allowedOrigins.1', issues: [{ path: 'allowedOrigins.1', message: 'is refused by the server' }] } }),
    });
    const install = await screen.findByRole('region', { name: 'Project and install' });
    const origins = await within(install).findByLabelText('Allowed origins');
    fireEvent.input(origins, { target: { value: 'https://shop.example\n\nhttps://www.shop.example' } });
    fireEvent.click(within(install).getByRole('button', { name: 'Save project' }));
    expect(await within(install).findByText('https://www.shop.example: is refused by the server')).toBeTruthy();
    expect(origins.getAttribute('aria-invalid')).toBe('true');
  });

  it('checks an origin with a path before sending', async () => {
    const { requests } = settingsPage();
    const install = await screen.findByRole('region', { name: 'Project and install' });
    fireEvent.input(await within(install).findByLabelText('Allowed origins'), { target: { value: 'https://shop.example/checkout' } });
    fireEvent.click(within(install).getByRole('button', { name: 'Save project' }));
    expect(await within(install).findByText(/^https:\/\/shop.example\/checkout: must be an origin/)).toBeTruthy();
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('saves business hours, and shows "end before start" beside Until', async () => {
    const { settings } = settingsPage();
    const sla = await screen.findByRole('region', { name: 'Business hours and SLA' });
    fireEvent.click(within(sla).getByLabelText(/Count due times in business hours/));
    fireEvent.input(within(sla).getByLabelText('Time zone'), { target: { value: 'Europe/Stockholm' } });
    fireEvent.input(within(sla).getByLabelText('From'), { target: { value: '18:00' } });
    fireEvent.input(within(sla).getByLabelText('Until'), { target: { value: '08:00' } });
    fireEvent.click(within(sla).getByRole('button', { name: 'Save business hours' }));
    expect(await within(sla).findByText(/^must be after start/)).toBeTruthy();
    expect(settings().businessHours).toBeNull();

    fireEvent.input(within(sla).getByLabelText('From'), { target: { value: '08:00' } });
    fireEvent.input(within(sla).getByLabelText('Until'), { target: { value: '18:00' } });
    fireEvent.click(within(sla).getByRole('button', { name: 'Save business hours' }));
    await waitFor(() => expect(settings().businessHours).toEqual({ timeZone: 'Europe/Stockholm', days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }));
  });

  it("saves how long new cases' notices wait for the comment, refusing a wait past ten minutes before sending", async () => {
    const { settings, requests } = settingsPage();
    const wait = await screen.findByRole('region', { name: 'When new cases are told of' });
    const field = within(wait).getByLabelText('Wait for the comment (seconds)');
    expect((field as HTMLInputElement).value).toBe('60');
    fireEvent.input(field, { target: { value: '900' } });
    fireEvent.click(within(wait).getByRole('button', { name: 'Save the wait' }));
    expect(await within(wait).findByText('must be at most 600 (ten minutes)')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);

    fireEvent.input(field, { target: { value: '0' } });
    fireEvent.click(within(wait).getByRole('button', { name: 'Save the wait' }));
    await waitFor(() => expect(settings().commentWaitSeconds).toBe(0));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ commentWaitSeconds: 0 });
  });

  it("sends a webhook test and shows the outcome and the delivery log", async () => {
    settingsPage();
    const hooks = await screen.findByRole('region', { name: 'Webhooks' });
    fireEvent.click(await within(hooks).findByRole('button', { name: `Send a test to ${HOOK.url}` }));
    const table = await within(hooks).findByRole('table', { name: `Latest deliveries to ${HOOK.url}` });
    expect(table.textContent).toContain('webhook.test');
    expect(table.textContent).toContain('204 delivered');
  });

  it('is neither listed nor shown to an agent', async () => {
    settingsPage('agent');
    await screen.findByRole('navigation', { name: 'Console' });
    expect(screen.queryByRole('link', { name: 'Settings' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Settings' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Secret keys' })).toBeNull();
  });
});
