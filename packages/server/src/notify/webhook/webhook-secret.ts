import { randomBytes } from 'node:crypto';

/**
 * A new signing secret in the Standard Webhooks form, `whsec_` + base64 of 32 random bytes: shown once when the
 * webhook is registered, then used by both sides to sign and verify.
 */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
