import type { Context } from 'hono';
import { HttpError } from '../../http/http-error.js';
import type { Store } from '../../store/store.js';

export interface HealthzOptions {
  store: Store;
}

/** `GET /healthz`: 200 `{ ok: true }` only when the database answers, so a load balancer drops a cut-off instance. */
export function healthz({ store }: HealthzOptions) {
  return async function healthz(c: Context) {
    try {
      await store.ping();
    } catch (cause) {
      throw new HttpError(503, 'store_unavailable', 'The database does not answer', { cause });
    }
    return c.json({ ok: true });
  };
}
