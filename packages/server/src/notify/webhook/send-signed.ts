import type { WebhookMessage } from '@closeloop/sdk/schemas';
import type { Delivery } from './delivery.js';
import type { ResolveAll } from './guarded-lookup.js';
import { postJson } from './post-json.js';
import { signWebhook } from './sign-webhook.js';

export interface SendSignedOptions {
  url: string;
  /** The webhook's `whsec_…` secret. */
  secret: string;
  /** The `webhook-id`, the same on every attempt of one message. */
  id: string;
  message: WebhookMessage;
  timeoutMs: number;
  allowPrivate: boolean;
  /** When this attempt is signed (`webhook-timestamp`). */
  signedAt: Date;
  resolveAll?: ResolveAll;
}

/**
 * The one way anything reaches a webhook: the message as JSON, signed per Standard Webhooks, through the guarded
 * POST (SSRF checks, timeout). Case events and "send test" both go through here, so a test proves the real path.
 */
export function sendSigned({ url, secret, id, message, timeoutMs, allowPrivate, signedAt, resolveAll }: SendSignedOptions): Promise<Delivery> {
  const body = JSON.stringify(message);
  const headers = { ...signWebhook({ secret, id, body, signedAt }) };
  return postJson({ url, body, headers, timeoutMs, allowPrivate, resolveAll });
}
