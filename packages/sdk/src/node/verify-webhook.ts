import { Webhook } from 'standardwebhooks';
import { WebhookMessage } from '../schemas/index.js';
import { WebhookVerificationError } from './webhook-verification-error.js';

/** Node's `req.headers`, a fetch `Headers`, or a plain object: any of them, names in any case. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** The Standard Webhooks window: a request signed longer ago (or later) than this is refused as a replay. */
const TOLERANCE_SECONDS = 5 * 60;
const HEADER_NAMES = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

/**
 * Checks a Closeloop webhook and returns its event, parsed with the contract: a case event, or the `webhook.test`
 * an admin sends from the settings (answer it 2xx and act on nothing). `body` must be the raw request body,
 * exactly as received (parse the JSON after, never before: re-serialised JSON no longer matches the signature);
 * `secret` is the `whsec_…` secret shown when the webhook was registered. Throws {@link WebhookVerificationError}.
 */
export function verifyWebhook(body: string, headers: WebhookHeaders, secret: string): WebhookMessage {
  const signer = webhookFor(secret);
  const [id, timestamp, signature] = HEADER_NAMES.map((name) => header(headers, name));
  const missing = HEADER_NAMES.filter((_, i) => [id, timestamp, signature][i] === undefined);
  if (id === undefined || timestamp === undefined || signature === undefined) {
    throw new WebhookVerificationError('missing_header', `webhook refused: missing ${missing.join(', ')}`, id ?? null);
  }
  checkTimestamp(timestamp, id);
  try {
    // Checked above, so what the library can still refuse here is the signature.
    signer.verify(body, { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature }, { jsonParse: false });
  } catch (error) {
    throw new WebhookVerificationError('invalid_signature', 'webhook refused: no signature matches the body and the secret', id, [], { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new WebhookVerificationError('invalid_payload', 'webhook refused: the signed body is not JSON', id, [], { cause: error });
  }
  const parsed = WebhookMessage.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
    const detail = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new WebhookVerificationError('invalid_payload', `webhook refused: the event is outside the contract (${detail})`, id, issues);
  }
  return parsed.data;
}

function webhookFor(secret: string): Webhook {
  try {
    return new Webhook(secret);
  } catch (error) {
    throw new TypeError('verifyWebhook: secret must be the whsec_… secret shown when the webhook was registered', { cause: error });
  }
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value.join(' ') : value || undefined;
}

function checkTimestamp(timestamp: string, id: string): void {
  if (!/^\d{1,15}$/.test(timestamp)) {
    throw new WebhookVerificationError('invalid_timestamp', 'webhook refused: webhook-timestamp is not Unix seconds', id);
  }
  const age = Math.floor(Date.now() / 1000) - Number(timestamp);
  if (age > TOLERANCE_SECONDS) throw new WebhookVerificationError('stale_timestamp', `webhook refused: signed ${age} s ago, too old`, id);
  if (age < -TOLERANCE_SECONDS) throw new WebhookVerificationError('stale_timestamp', `webhook refused: signed ${-age} s ahead, too new`, id);
}
