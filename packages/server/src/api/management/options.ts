import type { Db } from '../../db/db.js';
import type { Mailer } from '../../notify/email/mailer.js';
import type { RateLimitOptions } from '../../middleware/rate-limit/index.js';
import type { EventStreamOptions } from './events.js';

/** What every management sub-app is built with. */
export interface ManagementApiOptions {
  db: Db;
  now: () => Date;
  /** `--allow-private-webhooks`: webhooks and Slack may target loopback and private networks (the demo, tests). */
  allowPrivateWebhooks?: boolean;
  /** The server's SMTP settings (for "send test"); null or absent: the server sends no email. */
  mail?: Mailer | null;
  /** `GET /api/v1/events`: poll and ping intervals, and the signal that ends open streams at shutdown. */
  eventStream?: EventStreamOptions;
  /** The limit per secret key or console member (`limits.key`); the default when unset. */
  rateLimits?: RateLimitOptions;
}
