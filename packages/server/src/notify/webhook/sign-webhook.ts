import { Webhook } from 'standardwebhooks';

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * The Standard Webhooks headers for `body`: the id (the same on every retry, so receivers drop duplicates), the
 * signing time in Unix seconds, and `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` with the secret.
 */
export function signWebhook({ secret, id, body, signedAt }: { secret: string; id: string; body: string; signedAt: Date }): SignedHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, signedAt, body),
  };
}
