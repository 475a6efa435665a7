import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope, as the SMTP client gave it (not the headers). */
  from: string | null;
  to: string[];
  /** The user name and password the client logged in with, or null when it did not. */
  login: { username: string; password: string } | null;
  mail: ParsedMail;
}

export interface SmtpReceiver {
  /** `smtp://user:secret@127.0.0.1:<port>`: what CLOSELOOP_SMTP_URL would be. */
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on a random port of 127.0.0.1, plain text (no TLS, no STARTTLS), that accepts any login or
 * none and parses each message with mailparser. `refuse` makes it reject recipients, as a mail server does.
 */
export async function startSmtpReceiver({ refuse = () => false }: { refuse?: (recipient: string) => boolean } = {}): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const logins = new Map<string, { username: string; password: string }>();
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, session, callback) {
      logins.set(session.id, { username: auth.username ?? '', password: auth.password ?? '' });
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      callback(refuse(address.address) ? Object.assign(new Error(`550 no mailbox ${address.address}`), { responseCode: 550 }) : null);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const sender = session.envelope.mailFrom;
          received.push({
            from: sender === false ? null : sender.address,
            to: session.envelope.rcptTo.map((r) => r.address),
            login: logins.get(session.id) ?? null,
            mail,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('smtp receiver: not listening on a TCP port');
  return {
    url: `smtp://mailer:s3cret@127.0.0.1:${address.port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
