import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpReceiver } from '@closeloop/test-receivers/http-receiver';
import type { HttpReceiver } from '@closeloop/test-receivers/http-receiver';
import { surveyFollowUp } from '../../testing/follow-up-fixture.js';
import { generateWebhookSecret } from './webhook-secret.js';
import { sendWebhook } from './send-webhook.js';

const receivers: HttpReceiver[] = [];
async function receiver(...args: Parameters<typeof startHttpReceiver>): Promise<HttpReceiver> {
  const started = await startHttpReceiver(...args);
  receivers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const payload = { followUp: surveyFollowUp() };

describe('generateWebhookSecret', () => {
  it('makes a fresh whsec_ secret of 32 random bytes each time', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});

describe('sendWebhook', () => {
  it('POSTs the event as JSON, signed so the Standard Webhooks verifier accepts it', async () => {
    const secret = generateWebhookSecret();
    const hook = await receiver((request, res) => {
      try {
        new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
        res.writeHead(200).end('ok');
      } catch {
        res.writeHead(401).end('bad signature');
      }
    });
    const occurredAt = new Date('2026-11-23T10:00:01.000Z');

    const delivery = await sendWebhook({ url: hook.url, secret, id: 'evt_1', type: 'follow_up.opened', payload, occurredAt, allowPrivate: true });

    expect(delivery).toMatchObject({ ok: true, status: 200, error: null });
    expect(delivery.durationMs).toBeGreaterThanOrEqual(0);
    const [request] = hook.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['webhook-id']).toBe('evt_1');
    expect(request?.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(Math.abs(Number(request?.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(5);
    expect(JSON.parse(request?.body ?? '')).toEqual({ type: 'follow_up.opened', timestamp: '2026-11-23T10:00:01.000Z', data: payload });
  });

  it('fails, with the status, when the receiver answers 500; it does not throw', async () => {
    const hook = await receiver((_, res) => res.writeHead(500).end('boom'));
    const delivery = await sendWebhook({ url: hook.url, secret: generateWebhookSecret(), id: 'evt_2', type: 'follow_up.overdue', payload, allowPrivate: true });
    expect(delivery).toMatchObject({ ok: false, status: 500, error: 'HTTP 500: boom' });
  });

  it('gives up on a receiver that never answers, after timeoutMs', async () => {
    const hook = await receiver(() => {
      // Holds the request open: a receiver stuck on a slow database.
    });
    const started = Date.now();
    const delivery = await sendWebhook({ url: hook.url, secret: generateWebhookSecret(), id: 'evt_3', type: 'follow_up.opened', payload, timeoutMs: 200, allowPrivate: true });
    expect(delivery).toMatchObject({ ok: false, status: null, error: 'timed out after 200 ms' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(hook.requests).toHaveLength(1);
  });

  it('counts a 2xx as delivered once the status arrives, even if the receiver never ends its body', async () => {
    const hook = await receiver((_, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('accepted, still talking');
    });
    const delivery = await sendWebhook({ url: hook.url, secret: generateWebhookSecret(), id: 'evt_9', type: 'follow_up.opened', payload, timeoutMs: 300, allowPrivate: true });
    expect(delivery).toMatchObject({ ok: true, status: 200, error: null });
  });

  it('does not follow a redirect: a 302 is a failed delivery and the target is never asked', async () => {
    const elsewhere = await receiver();
    const hook = await receiver((_, res) => res.writeHead(302, { location: elsewhere.url }).end());
    const delivery = await sendWebhook({ url: hook.url, secret: generateWebhookSecret(), id: 'evt_4', type: 'follow_up.opened', payload, allowPrivate: true });
    expect(delivery).toMatchObject({ ok: false, status: 302 });
    expect(delivery.error).toMatch(/redirects are not followed/);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('reports an unreachable receiver as a failed delivery', async () => {
    const hook = await receiver();
    await hook.close();
    const delivery = await sendWebhook({ url: hook.url, secret: generateWebhookSecret(), id: 'evt_5', type: 'follow_up.opened', payload, allowPrivate: true });
    expect(delivery).toMatchObject({ ok: false, status: null });
    expect(delivery.error).toMatch(/ECONNREFUSED/);
  });

  it.each(['http://127.0.0.1:{port}/hook', 'http://localhost:{port}/hook', 'http://[::ffff:127.0.0.1]:{port}/hook'])(
    'refuses %s when private targets are not allowed, and sends nothing',
    async (template) => {
      const hook = await receiver();
      const url = template.replace('{port}', String(hook.port));
      const delivery = await sendWebhook({ url, secret: generateWebhookSecret(), id: 'evt_6', type: 'follow_up.opened', payload, allowPrivate: false });
      expect(delivery).toMatchObject({ ok: false, status: null });
      expect(delivery.error).toMatch(/^refused: /);
      expect(hook.requests).toHaveLength(0);
    },
  );

  it('refuses, when connecting, a public-looking name that now resolves to the loopback (DNS rebinding)', async () => {
    const hook = await receiver();
    // The DNS answer an attacker controls: public when the URL was registered, 127.0.0.1 at delivery time.
    const rebound = (_name: string, _options: object, callback: (error: null, addresses: { address: string; family: number }[]) => void) =>
      callback(null, [{ address: '127.0.0.1', family: 4 }]);
    const url = `http://hooks.attacker.example:${hook.port}/hook`;

    const refused = await sendWebhook({ url, secret: generateWebhookSecret(), id: 'evt_7', type: 'follow_up.opened', payload, allowPrivate: false, resolveAll: rebound });
    expect(refused).toMatchObject({ ok: false, status: null, error: 'refused: hooks.attacker.example resolves to 127.0.0.1, a loopback address' });
    expect(hook.requests).toHaveLength(0);

    // The same resolver with private targets allowed reaches the receiver: the guard, not the resolver, refused.
    const allowed = await sendWebhook({ url, secret: generateWebhookSecret(), id: 'evt_7', type: 'follow_up.opened', payload, allowPrivate: true, resolveAll: rebound });
    expect(allowed).toMatchObject({ ok: true, status: 204 });
    expect(hook.requests).toHaveLength(1);

    // No connection is kept for later: a pooled socket would skip the check on the next, unallowed, delivery.
    const again = await sendWebhook({ url, secret: generateWebhookSecret(), id: 'evt_8', type: 'follow_up.opened', payload, allowPrivate: false, resolveAll: rebound });
    expect(again).toMatchObject({ ok: false, status: null });
    expect(hook.requests).toHaveLength(1);
  });
});
