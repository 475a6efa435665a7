import type { Db } from '../../db/db.js';
import type { EventStreamOptions } from './events.js';

/** What every management sub-app is built with. */
export interface ManagementApiOptions {
  db: Db;
  now: () => Date;
  /** `--allow-private-webhooks`: webhooks and Slack may target loopback and private networks (the demo, tests). */
  allowPrivateWebhooks?: boolean;
  /** `GET /api/v1/events`: poll and ping intervals, and the signal that ends open streams at shutdown. */
  eventStream?: EventStreamOptions;
}
