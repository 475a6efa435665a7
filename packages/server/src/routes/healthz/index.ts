import type { Context } from 'hono';
import { storeUnavailableBody } from '../../http/error-handler.js';
import { databaseName, STORE_RETRY_AFTER_SECONDS, storeOutageOf } from '../../db/store-unavailable.js';
import type { Db } from '../../db/db.js';

export interface HealthzOptions {
  db: Db;
}

/**
 * `GET /healthz`: 200 `{ ok: true }` only when the database answers, so a load balancer drops a cut-off instance;
 * otherwise 503 naming the database and what is wrong with it. One trivial query: cheap enough to poll every second.
 */
export function healthz({ db }: HealthzOptions) {
  return async function healthz(c: Context) {
    try {
      await db.ping();
    } catch (cause) {
      const outage = storeOutageOf(cause, db.dialect) ?? { database: databaseName(db.dialect), reason: 'it does not answer' };
      return c.json(storeUnavailableBody(outage), 503, { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) });
    }
    return c.json({ ok: true });
  };
}
