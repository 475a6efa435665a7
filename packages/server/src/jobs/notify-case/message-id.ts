import { createHash } from 'node:crypto';

/**
 * The Standard Webhooks `webhook-id` of a delivery job: a hash of its deterministic key, so every retry, and every
 * instance that might run it, sends the same id, and a receiver that saw it already drops the repeat.
 */
export function messageIdOf(jobKey: string): string {
  return `msg_${createHash('sha256').update(jobKey).digest('base64url').slice(0, 32)}`;
}
