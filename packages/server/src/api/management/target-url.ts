import { checkWebhookUrl } from '../../notify/webhook/check-webhook-url.js';
import { HttpError } from '../../http/http-error.js';

/**
 * A webhook or Slack URL the server may send to, or a 422 naming `url`: http(s) without credentials and, unless the
 * server allows private targets (`--allow-private-webhooks`), no loopback, private or link-local address and no
 * `localhost` (SSRF). `https` narrows it to https, except for a local stand-in when private targets are allowed.
 */
export function checkTargetUrl(url: string, { allowPrivate, https = false }: { allowPrivate: boolean; https?: boolean }): string {
  const checked = checkWebhookUrl(url, { allowPrivate });
  if (!checked.ok) throw HttpError.field(422, 'invalid_url', 'url', checked.reason);
  if (https && !allowPrivate && checked.url.protocol !== 'https:') throw HttpError.field(422, 'invalid_url', 'url', 'must be an https URL');
  return checked.url.href;
}
