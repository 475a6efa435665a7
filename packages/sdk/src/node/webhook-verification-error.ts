import type { ErrorIssue } from '../schemas/index.js';

/** Why a webhook was refused, for a receiver that answers or logs differently per cause. */
export type WebhookRefusal = 'missing_header' | 'invalid_timestamp' | 'stale_timestamp' | 'invalid_signature' | 'invalid_payload';

/**
 * A request to your webhook endpoint is not a Closeloop event you can trust: a header is missing, the timestamp is
 * outside the five-minute window (a replay), the signature does not match the body and your secret, or the signed
 * body is not an event of the contract (`issues` says where). Answer it with a 4xx and do not act on it.
 */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';

  constructor(
    readonly reason: WebhookRefusal,
    message: string,
    /** The `webhook-id` header when there was one, to find the delivery in the server's log. */
    readonly webhookId: string | null,
    readonly issues: ErrorIssue[] = [],
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}
