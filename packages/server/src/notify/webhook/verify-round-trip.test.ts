import { verifyWebhook, WebhookVerificationError } from '@closeloop/sdk/node';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpReceiver } from '@closeloop/test-receivers/http-receiver';
import type { HttpReceiver, ReceivedRequest } from '@closeloop/test-receivers/http-receiver';
import { surveyFollowUp } from '../../testing/follow-up-fixture.js';
import { generateWebhookSecret } from './webhook-secret.js';
import { sendWebhook } from './send-webhook.js';

// What a customer's backend does with our webhooks (examples/backend): verify with @closeloop/sdk/node, then act.
let hook: HttpReceiver | undefined;
afterEach(async () => {
  await hook?.close();
});

/** A receiver that answers 204 to what `verifyWebhook` accepts with `secret` and 400 + the reason otherwise. */
async function verifyingReceiver(secret: string, alter: (request: ReceivedRequest) => ReceivedRequest = (r) => r) {
  const outcomes: unknown[] = [];
  hook = await startHttpReceiver((request, res) => {
    const { body, headers } = alter(request);
    try {
      outcomes.push(verifyWebhook(body, headers, secret));
      res.writeHead(204).end();
    } catch (error) {
      outcomes.push(error);
      res.writeHead(400).end();
    }
  });
  return { url: hook.url, outcomes };
}

const payload = { followUp: surveyFollowUp() };

describe('sendWebhook → verifyWebhook', () => {
  it('the sdk helper accepts what the server sends and hands back the typed event', async () => {
    const secret = generateWebhookSecret();
    const { url, outcomes } = await verifyingReceiver(secret);
    const delivery = await sendWebhook({ url, secret, id: 'evt_rt', type: 'follow_up.resolved', payload, allowPrivate: true });
    expect(delivery).toMatchObject({ ok: true, status: 204 });
    expect(outcomes).toEqual([{ type: 'follow_up.resolved', timestamp: expect.any(String), data: payload }]);
  });

  it('refuses a body tampered with on the way', async () => {
    const secret = generateWebhookSecret();
    const { url, outcomes } = await verifyingReceiver(secret, (r) => ({ ...r, body: r.body.replace('"high"', '"low"') }));
    const delivery = await sendWebhook({ url, secret, id: 'evt_t', type: 'follow_up.opened', payload, allowPrivate: true });
    expect(delivery).toMatchObject({ ok: false, status: 400 });
    expect(outcomes[0]).toBeInstanceOf(WebhookVerificationError);
    expect(outcomes[0]).toMatchObject({ reason: 'invalid_signature', webhookId: 'evt_t' });
  });

  it('refuses a delivery signed with another secret', async () => {
    const { url, outcomes } = await verifyingReceiver(generateWebhookSecret());
    await sendWebhook({ url, secret: generateWebhookSecret(), id: 'evt_s', type: 'follow_up.opened', payload, allowPrivate: true });
    expect(outcomes[0]).toMatchObject({ name: 'WebhookVerificationError', reason: 'invalid_signature' });
  });

  it('refuses a delivery signed more than five minutes ago (a replay)', async () => {
    const secret = generateWebhookSecret();
    const { url, outcomes } = await verifyingReceiver(secret);
    const sixMinutesAgo = () => new Date(Date.now() - 6 * 60_000);
    await sendWebhook({ url, secret, id: 'evt_old', type: 'follow_up.opened', payload, allowPrivate: true, now: sixMinutesAgo });
    expect(outcomes[0]).toMatchObject({ name: 'WebhookVerificationError', reason: 'stale_timestamp' });
  });
});
