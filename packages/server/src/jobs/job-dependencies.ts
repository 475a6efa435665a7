import type { Db } from '../db/db.js';
import type { Mailer } from '../notify/email/mailer.js';

/** What the job handlers run with, given once when the runner is built (`jobDefinitions(dependencies)`). */
export interface JobDependencies {
  db: Db;
  /** Let webhooks and Slack reach loopback and private networks (`--allow-private-webhooks`, the demo, tests). */
  allowPrivateWebhooks: boolean;
  /** The server's public origin, for the "Open case" links in Slack (`https://feedback.example.com`). */
  baseUrl: string;
  /** The clock that dates deliveries and signatures. */
  now: () => Date;
  /** Where email goes out (`CLOSELOOP_SMTP_URL`, `CLOSELOOP_MAIL_FROM`); null or absent: the server sends no email. */
  mail?: Mailer | null;
  /** Per delivery attempt, from connecting to the receiver's status. Default 10 000. */
  deliveryTimeoutMs?: number;
}
