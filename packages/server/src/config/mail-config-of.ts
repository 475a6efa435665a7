import type { MailConfig } from '../notify/email/mail-config.js';
import { ConfigError } from './config-error.js';
import type { ConfigFile } from './settings.js';

type Smtp = NonNullable<ConfigFile['smtp']>;

/**
 * The mailer's settings from the `smtp` group: null when no mail server is named (no email is sent), else the one
 * SMTP URL the transport takes, from `smtp.url` or built from host, port, secure, user and pass. Settings that do
 * not fit together (a sender without a server, a server without a sender, a URL and a host) stop start-up here
 * rather than every notification failing later. `sourceOf` says where a setting came from, for the message.
 */
export function mailConfigOf(smtp: Smtp, sourceOf: (key: string) => string): MailConfig | null {
  const conflict = (message: string, key: string) => new ConfigError(message, key, null);
  // What only a host-built URL uses; `secure` counts when switched on (off is its default).
  const parts = (['port', 'secure', 'user', 'pass'] as const).filter((k) => (k === 'secure' ? smtp.secure === true : smtp[k] !== undefined));
  if (smtp.url !== undefined && smtp.host !== undefined) {
    throw conflict(`smtp.url (${sourceOf('smtp.url')}) and smtp.host (${sourceOf('smtp.host')}) both name the mail server: set one of them`, 'smtp.host');
  }
  const server = smtp.url ?? smtp.host;
  if (server === undefined) {
    if (smtp.from !== undefined) throw conflict(`smtp.from is set (${sourceOf('smtp.from')}) but no mail server: set smtp.host (CLOSELOOP_SMTP_HOST) or smtp.url (CLOSELOOP_SMTP_URL) too`, 'smtp.host');
    const [part] = parts;
    if (part !== undefined) throw conflict(`smtp.${part} is set (${sourceOf(`smtp.${part}`)}) but smtp.host is not: set CLOSELOOP_SMTP_HOST too`, `smtp.${part}`);
    return null;
  }
  if (smtp.from === undefined) {
    const named = smtp.url === undefined ? `smtp.host (${sourceOf('smtp.host')})` : `smtp.url (${sourceOf('smtp.url')})`;
    throw conflict(`smtp.from must be set too when a mail server is, as ${named} is: the address mail is sent from, e.g. feedback@shop.example (CLOSELOOP_MAIL_FROM, --mail-from or "smtp.from" in the config file)`, 'smtp.from');
  }
  if (smtp.url !== undefined) {
    const [part] = parts;
    if (part !== undefined) throw conflict(`smtp.${part} (${sourceOf(`smtp.${part}`)}) applies with smtp.host only: with smtp.url, put it in the URL`, `smtp.${part}`);
    return { smtpUrl: smtp.url, from: smtp.from };
  }
  if (smtp.pass !== undefined && smtp.user === undefined) throw conflict(`smtp.pass is set (${sourceOf('smtp.pass')}) but smtp.user is not`, 'smtp.user');
  const url = new URL(`${smtp.secure === true ? 'smtps' : 'smtp'}://${server}`);
  if (smtp.port !== undefined) url.port = String(smtp.port);
  if (smtp.user !== undefined) url.username = encodeURIComponent(smtp.user);
  if (smtp.pass !== undefined) url.password = encodeURIComponent(smtp.pass);
  return { smtpUrl: url.href.replace(/\/$/, ''), from: smtp.from };
}
