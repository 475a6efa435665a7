import { z } from 'zod';
import { MailConfigError } from './mail-config-error.js';

/** Where mail goes out and from which address; the project's name becomes the sender's display name per mail. */
export interface MailConfig {
  /** `smtp://user:password@host:port` (STARTTLS when the server offers it) or `smtps://…` (TLS from the start). */
  smtpUrl: string;
  /** A bare address, e.g. `feedback@shop.example`. */
  from: string;
}

const EmailAddress = z.email();

/**
 * The mail settings from `CLOSELOOP_SMTP_URL` and `CLOSELOOP_MAIL_FROM`: null when neither is set (the server then
 * sends no email), the config when both are right, and a {@link MailConfigError} naming the variable otherwise, so a
 * typo stops the server at start-up instead of losing every notification later.
 */
export function readMailConfig(env: Record<string, string | undefined>): MailConfig | null {
  const smtpUrl = env.CLOSELOOP_SMTP_URL?.trim() ?? '';
  const from = env.CLOSELOOP_MAIL_FROM?.trim() ?? '';
  if (smtpUrl === '' && from === '') return null;
  if (from === '') throw new MailConfigError('CLOSELOOP_MAIL_FROM', 'must be set too when CLOSELOOP_SMTP_URL is: the address mail is sent from, e.g. feedback@shop.example');
  if (smtpUrl === '') throw new MailConfigError('CLOSELOOP_SMTP_URL', 'must be set too when CLOSELOOP_MAIL_FROM is: the mail server, smtp://user:password@host:port');
  checkSmtpUrl(smtpUrl);
  if (/[<>]/.test(from)) {
    throw new MailConfigError('CLOSELOOP_MAIL_FROM', 'must be a bare address such as feedback@shop.example: each project\'s name is the display name');
  }
  if (!EmailAddress.safeParse(from).success) throw new MailConfigError('CLOSELOOP_MAIL_FROM', `must be an email address such as feedback@shop.example, got ${JSON.stringify(from)}`);
  return { smtpUrl, from };
}

function checkSmtpUrl(value: string): void {
  const expected = 'must be smtp://user:password@host:port (or smtps:// for TLS from the start)';
  if (!URL.canParse(value)) throw new MailConfigError('CLOSELOOP_SMTP_URL', expected);
  const url = new URL(value);
  // Errors quote the URL without its password: start-up errors end up in logs.
  url.password = url.password === '' ? '' : '***';
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new MailConfigError('CLOSELOOP_SMTP_URL', `must start with smtp:// or smtps:// (smtp://user:password@host:port), got ${url.href}`);
  }
  if (url.hostname === '') throw new MailConfigError('CLOSELOOP_SMTP_URL', `must name the mail server's host, ${expected}`);
}
