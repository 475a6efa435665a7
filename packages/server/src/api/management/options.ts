import type { Db } from '../../db/db.js';

/** What every management sub-app is built with. */
export interface ManagementApiOptions {
  db: Db;
  now: () => Date;
  /** `--allow-private-webhooks`: webhooks and Slack may target loopback and private networks (the demo, tests). */
  allowPrivateWebhooks?: boolean;
}
