import type { Context } from 'hono';
import { HttpError } from '../../http/http-error.js';
import type { Db } from '../../db/db.js';

export interface HealthzOptions {
  db: Db;
}

/** `GET /healthz`: 200 `{ ok: true }` only when the database answers, so a load balancer drops a cut-off instance. */
export function healthz({ db }: HealthzOptions) {
  return async function healthz(c: Context) {
    try {
      await db.ping();
    } catch (cause) {
      throw new HttpError(503, 'store_unavailable', 'The database does not answer', { cause });
    }
    return c.json({ ok: true });
  };
}
