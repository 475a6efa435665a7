import type { MailMessage } from './mail-message.js';
import type { MailTransport } from './mail-transport.js';

/** Who a mail is from: the server's address (`CLOSELOOP_MAIL_FROM`) under the project's name, never ours. */
export interface MailSender {
  from: string;
  projectName: string;
}

/** How sending one mail went, as the job runner records it. A failure is a value: the runner retries. */
export interface MailDelivery {
  /** The mail server accepted it for at least one recipient. */
  ok: boolean;
  /** The `Message-ID` of the sent mail; null when nothing was sent. */
  messageId: string | null;
  /** Recipients the server refused while accepting others. */
  rejected: string[];
  durationMs: number;
  /** Why it failed, in one line (`… 550 no such mailbox`, `connect ECONNREFUSED …`); null when ok. */
  error: string | null;
}

/** Sends `message` from `sender`; never throws for the mail server's failings. */
export async function sendMail(transport: MailTransport, sender: MailSender, message: MailMessage): Promise<MailDelivery> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const info = await transport.sendMail({
      // The display name is typed by staff: line breaks would be a header injection, so they go.
      from: { name: sender.projectName.replace(/[\r\n]+/g, ' '), address: sender.from },
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: { 'Content-Language': message.language },
    });
    return { ok: true, messageId: info.messageId, rejected: info.rejected.map(String), durationMs: elapsed(), error: null };
  } catch (error) {
    return { ok: false, messageId: null, rejected: [], durationMs: elapsed(), error: error instanceof Error ? error.message : String(error) };
  }
}
