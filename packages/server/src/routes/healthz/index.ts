import type { Context } from 'hono';
import type { ErrorBody } from '@closeloop/sdk/schemas';
import { databaseHealth } from '../../db/database-health.js';
import { databaseName, STORE_RETRY_AFTER_SECONDS } from '../../db/store-unavailable.js';
import type { Db } from '../../db/db.js';
import { storeUnavailableBody } from '../../http/error-handler.js';

export interface HealthzOptions {
  db: Db;
  /** Whether this instance's job runner runs; unset for an app that runs no jobs (the part is then not reported). */
  jobsRunning?: () => boolean;
}

/** What `/healthz` says of each part: up, or down and why. */
interface Health {
  ok: boolean;
  database: { ok: true; name: string } | { ok: false; name: string; reason: string };
  jobs?: { ok: boolean; running: boolean };
  error?: ErrorBody['error'];
}

/**
 * `GET /healthz`: 200 when every part is up, 503 when one is down, and always which: the database (it answers and
 * takes writes) and the job runner (it runs, or notifications wait). A load balancer drops an instance on the 503;
 * an operator reads the JSON. A database that cannot write gets `Retry-After`, like the routes that would fail on it.
 * One write probe that writes nothing and a flag read: cheap enough to poll every second.
 */
export function healthz({ db, jobsRunning }: HealthzOptions) {
  return async function healthz(c: Context) {
    const outage = await databaseHealth(db);
    const name = databaseName(db.dialect);
    const running = jobsRunning?.();
    const health: Health = {
      ok: outage === null && running !== false,
      database: outage === null ? { ok: true, name } : { ok: false, name, reason: outage.reason },
      ...(running !== undefined && { jobs: { ok: running, running } }),
    };
    if (outage !== null) {
      return c.json({ ...health, ...storeUnavailableBody(outage) }, 503, { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) });
    }
    if (running === false) {
      return c.json({ ...health, error: { code: 'jobs_stopped', message: 'The job runner is not running: notifications wait until it runs again.' } }, 503);
    }
    return c.json(health);
  };
}
