import { createTransport } from 'nodemailer';
import type { SMTPSentMessageInfo, SMTPTransportOptions } from 'nodemailer/lib/smtp-transport';
import type Mail from 'nodemailer/lib/mailer';
import type { MailConfig } from './mail-config.js';

/** The SMTP connection mail goes out through. */
export type MailTransport = Mail<SMTPSentMessageInfo, SMTPTransportOptions>;

/**
 * An SMTP transport from {@link MailConfig}: user, password, host and port come from the URL; with `smtp://`
 * nodemailer upgrades to TLS when the server offers STARTTLS. Timeouts are bounded so a dead mail server fails the
 * job (to be retried) instead of holding it for minutes. Close it on shutdown.
 */
export function createMailTransport({ smtpUrl }: MailConfig): MailTransport {
  return createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
}
