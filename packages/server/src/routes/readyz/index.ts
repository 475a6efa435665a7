import type { Context } from 'hono';
import type { ErrorBody } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { databaseHealth } from '../../db/database-health.js';
import { migrations } from '../../db/migrations.js';
import { pendingMigrations } from '../../db/pending-migrations.js';
import { databaseName, STORE_RETRY_AFTER_SECONDS } from '../../db/store-unavailable.js';
import type { Db } from '../../db/db.js';
import { storeUnavailableBody, withRequestId } from '../../http/error-handler.js';
import { JOBS_STOPPED } from '../healthz/index.js';

export interface ReadyzOptions {
  db: Db;
  /** Whether this instance's job runner runs; unset for an app that runs no jobs (the part is then not reported). */
  jobsRunning?: (() => boolean) | undefined;
}

/** What `/readyz` says of each part: up, or down and why. */
interface Readiness {
  ok: boolean;
  database: { ok: true; name: string } | { ok: false; name: string; reason: string };
  migrations?: { ok: boolean; pending: string[] };
  jobs?: { ok: boolean; running: boolean };
  error?: ErrorBody['error'];
}

/**
 * `GET /readyz`: 200 when this instance can serve, 503 naming the part that keeps it from it: the database (it
 * answers and takes writes), its migrations (none this build needs is missing) and the job runner (it runs, or
 * notifications wait). A load balancer sends no traffic to an instance on the 503; an operator reads the JSON. A
 * database that cannot write gets `Retry-After`, like the routes that would fail on it. A write probe that writes
 * nothing, one small read until the migrations are found current, a flag: cheap enough to poll every second.
 */
export function readyz({ db, jobsRunning }: ReadyzOptions) {
  const pending = pendingMigrations(db);
  return async function readyz(c: Context<AppEnv>) {
    const outage = await databaseHealth(db);
    const name = databaseName(db.dialect);
    const running = jobsRunning?.();
    // No bookkeeping table at all (a database never migrated) counts as every migration pending.
    const missing = outage === null ? await pending().catch(() => Object.keys(migrations)) : null;
    const ready: Readiness = {
      ok: outage === null && missing?.length === 0 && running !== false,
      database: outage === null ? { ok: true, name } : { ok: false, name, reason: outage.reason },
      ...(missing !== null && { migrations: { ok: missing.length === 0, pending: missing } }),
      ...(running !== undefined && { jobs: { ok: running, running } }),
    };
    if (outage !== null) {
      return c.json({ ...ready, ...withRequestId(storeUnavailableBody(outage), c) }, 503, { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) });
    }
    if (missing !== null && missing.length > 0) {
      const message = `The database lacks ${missing.length} migration(s) this version needs (${missing.join(', ')}): run \`closeloop migrate\`.`;
      return c.json({ ...ready, ...withRequestId({ error: { code: 'migrations_pending', message } }, c) }, 503);
    }
    if (running === false) return c.json({ ...ready, ...withRequestId(JOBS_STOPPED, c) }, 503);
    return c.json(ready);
  };
}
