import type { MailConfig } from './mail-config.js';
import { createMailTransport } from './mail-transport.js';
import type { MailTransport } from './mail-transport.js';

/** What the email jobs send with: one SMTP transport for the process and the address mail is sent from. */
export interface Mailer {
  transport: MailTransport;
  /** `smtp.from` (`CLOSELOOP_MAIL_FROM`); each mail's display name is its project's name. */
  from: string;
}

/** The mailer for the mail settings checked at start-up (config/mail-config-of.ts); close its transport on shutdown. */
export function createMailer(config: MailConfig): Mailer {
  return { transport: createMailTransport(config), from: config.from };
}
