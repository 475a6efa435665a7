import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { withRequestId } from '../../http/error-handler.js';

export interface HealthzOptions {
  /** Whether this instance's job runner runs; unset for an app that runs no jobs (the part is then not reported). */
  jobsRunning?: (() => boolean) | undefined;
}

/**
 * `GET /healthz`, liveness: the process answers and its job runner runs. Nothing outside the process is asked, so a
 * database outage does not make an orchestrator restart every instance (it would not help): that is `/readyz`'s
 * business. 503 `jobs_stopped` when the runner stopped, which a restart does cure.
 */
export function healthz({ jobsRunning }: HealthzOptions) {
  return function healthz(c: Context<AppEnv>) {
    const running = jobsRunning?.();
    const health = { ok: running !== false, ...(running !== undefined && { jobs: { ok: running, running } }) };
    if (running === false) return c.json({ ...health, ...withRequestId(JOBS_STOPPED, c) }, 503);
    return c.json(health);
  };
}

export const JOBS_STOPPED = { error: { code: 'jobs_stopped', message: 'The job runner is not running: notifications wait until it runs again.' } };
