import { isIP } from 'node:net';
import { blockedAddressKind, describeKind } from './blocked-addresses.js';

export interface WebhookTargetOptions {
  /** Let webhooks reach loopback and private networks: the demo and tests (`--allow-private-webhooks`). */
  allowPrivate: boolean;
}

export type WebhookUrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Whether `url` may be registered as a webhook or Slack target, answered at once (no DNS), so the API can refuse it
 * with a 422: it must be http(s) without credentials, and unless private targets are allowed, neither an IP literal
 * in a non-public range nor a `localhost` name. A name that resolves to a private address passes here; the sender
 * refuses it when connecting, by the address it actually connects to (see `guardedLookup`), so DNS rebinding
 * between this check and the delivery gains nothing.
 */
export function checkWebhookUrl(url: string, { allowPrivate }: WebhookTargetOptions): WebhookUrlCheck {
  if (!URL.canParse(url)) return { ok: false, reason: 'must be an http(s) URL' };
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, reason: 'must be an http(s) URL' };
  // Credentials in the URL would be logged with every delivery; the signing secret authenticates instead.
  if (parsed.username !== '' || parsed.password !== '') return { ok: false, reason: 'must not contain a user name or password' };
  if (allowPrivate) return { ok: true, url: parsed };

  const host = hostOf(parsed);
  if (isIP(host) !== 0) {
    const kind = blockedAddressKind(host);
    if (kind !== null) return { ok: false, reason: `must not point at ${host}, ${describeKind(kind)}` };
  } else if (isLocalhostName(host)) {
    return { ok: false, reason: `must not point at ${host}, a loopback address` };
  }
  return { ok: true, url: parsed };
}

/** The host as an address or name: without the brackets of an IPv6 literal, lower case, without a trailing dot. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
}

/** `localhost` and every `*.localhost` name are the machine itself (RFC 6761), whatever DNS says. */
function isLocalhostName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}
