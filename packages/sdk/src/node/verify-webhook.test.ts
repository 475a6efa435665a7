// @vitest-environment node
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { surveyFollowUp } from '../test-support/follow-up.js';
import { verifyWebhook } from './verify-webhook.js';
import { WebhookVerificationError } from './webhook-verification-error.js';

// A Standard Webhooks secret: `whsec_` + base64 of random bytes (these 24 are fixed so failures are reproducible).
const secret = `whsec_${Buffer.from('0123456789abcdef01234567').toString('base64')}`;
const event = { type: 'follow_up.opened', timestamp: '2026-11-23T10:00:00.000Z', data: { followUp: surveyFollowUp() } };

/** Signs like the Closeloop server does: the headers a receiver gets with `body`. */
function signed(body: string, { key = secret, at = new Date(), id = 'msg_1' } = {}): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(key).sign(id, at, body),
  };
}

describe('verifyWebhook', () => {
  it('returns the event, parsed with the contract, when the signature is good', () => {
    const body = JSON.stringify(event);
    const verified = verifyWebhook(body, signed(body), secret);
    expect(verified.type).toBe('follow_up.opened');
    expect(verified.type !== 'webhook.test' && verified.data.followUp.id).toBe(event.data.followUp.id);
  });

  it('returns the test event an admin sends from the settings, so a receiver can answer it 2xx', () => {
    const test = { type: 'webhook.test', timestamp: '2026-11-23T10:00:00.000Z', data: { webhookId: '0193a0a0-0000-7000-8000-000000000001', message: 'A test from Closeloop' } };
    const body = JSON.stringify(test);
    expect(verifyWebhook(body, signed(body), secret)).toEqual(test);
  });

  it('reads headers whatever their case, and from a Headers object (fetch, hono, Next.js)', () => {
    const body = JSON.stringify(event);
    const upper = Object.fromEntries(Object.entries(signed(body)).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifyWebhook(body, upper, secret).type).toBe('follow_up.opened');
    expect(verifyWebhook(body, new Headers(signed(body)), secret).type).toBe('follow_up.opened');
  });

  it('refuses a body changed after signing', () => {
    const body = JSON.stringify(event);
    const tampered = body.replace('"priority":"high"', '"priority":"low"');
    expect(tampered).not.toBe(body);
    expect(() => verifyWebhook(tampered, signed(body), secret)).toThrow(WebhookVerificationError);
  });

  it('refuses a signature made with another secret', () => {
    const body = JSON.stringify(event);
    const other = `whsec_${Buffer.from('another-secret-of-24-byt').toString('base64')}`;
    expect(() => verifyWebhook(body, signed(body, { key: other }), secret)).toThrow(/signature/i);
  });

  it('refuses a stale timestamp (a replayed request), even with a good signature', () => {
    const body = JSON.stringify(event);
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    expect(() => verifyWebhook(body, signed(body, { at: tenMinutesAgo }), secret)).toThrow(/too old/);
  });

  it('refuses missing headers, naming what is missing', () => {
    const body = JSON.stringify(event);
    const { 'webhook-signature': _signature, ...rest } = signed(body);
    expect(() => verifyWebhook(body, rest, secret)).toThrow(/webhook-signature/);
  });

  it('refuses a well-signed body outside the contract, saying where it differs', () => {
    const body = JSON.stringify({ ...event, type: 'follow_up.deleted' });
    const error = (() => {
      try {
        verifyWebhook(body, signed(body), secret);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toMatchObject({ name: 'WebhookVerificationError', reason: 'invalid_payload', webhookId: 'msg_1' });
    expect((error as Error).message).toMatch(/type/);
  });
});
