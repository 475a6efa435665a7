import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Db } from '../../db/db.js';
import { openSqliteTestDb } from '../../testing/test-dbs.js';
import type { TestDb } from '../../testing/test-dbs.js';

/** `/healthz` of an app whose job runner is in the given state (null: it runs no jobs). */
async function healthOf(db: Db, jobsRunning: (() => boolean) | null) {
  const res = await createApp({ db, ...(jobsRunning !== null && { jobsRunning }) }).request('/healthz');
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('GET /healthz: liveness, the process and its job runner', () => {
  let opened: TestDb;
  beforeEach(async () => {
    opened = await openSqliteTestDb();
  });
  afterEach(async () => {
    await opened.cleanup().catch(() => {});
  });

  it('200 while the job runner runs', async () => {
    expect(await healthOf(opened.db, () => true)).toEqual({ status: 200, body: { ok: true, jobs: { ok: true, running: true } } });
  });

  it('an app that runs no jobs: 200, nothing else to report', async () => {
    expect(await healthOf(opened.db, null)).toEqual({ status: 200, body: { ok: true } });
  });

  it('a stopped job runner: 503 jobs_stopped (a restart cures it)', async () => {
    expect(await healthOf(opened.db, () => false)).toEqual({
      status: 503,
      body: { ok: false, jobs: { ok: false, running: false }, error: { code: 'jobs_stopped', message: expect.stringMatching(/job runner is not running/), requestId: expect.any(String) } },
    });
  });

  it('asks nothing of the database: a closed one is /readyz’s business, /healthz stays 200', async () => {
    await opened.db.destroy();
    expect((await healthOf(opened.db, () => true)).status).toBe(200);
    expect((await createApp({ db: opened.db, jobsRunning: () => true }).request('/readyz')).status).toBe(503);
  });
});
