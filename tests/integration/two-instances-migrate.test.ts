// Two real `closeloop serve` processes started at the same moment on one fresh PostgreSQL database (no schema, no
// table): both come up, both are ready (/readyz: database, migrations, job runner), and every migration is recorded
// exactly once. The advisory lock in db/migrate.ts is what makes the second wait for the first.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCli } from './cli-process.js';
import { adminQuery } from './postgres-admin.js';
import type { Cli } from './cli-process.js';

const pgUrl = process.env['CLOSELOOP_TEST_DATABASE_URL'];

describe.skipIf(!pgUrl)('two instances starting together on one fresh PostgreSQL database', () => {
  const database = `closeloop_two_${randomBytes(5).toString('hex')}`;
  let databaseUrl: string;
  let dataDir: string;
  let started: Cli[] = [];
  beforeEach(async () => {
    await adminQuery(pgUrl!, `create database ${database}`);
    const url = new URL(pgUrl!);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    dataDir = await mkdtemp(join(tmpdir(), 'closeloop-two-'));
  });
  afterEach(async () => {
    for (const cli of started) if (cli.child.exitCode === null) cli.child.kill('SIGTERM');
    await Promise.all(started.map((cli) => cli.exited));
    started = [];
    await adminQuery(pgUrl!, `drop database if exists ${database} with (force)`);
    await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  // A minute: two processes start, and one migrates a database from nothing, on a machine that may be busy.
  it('both come up migrated and ready, no error, each migration recorded once', async () => {
    started = await Promise.all([startCli(dataDir, 0, databaseUrl, 'serve'), startCli(dataDir, 0, databaseUrl, 'serve')]);
    for (const cli of started) {
      const ready = await fetch(`${cli.origin}/readyz`);
      expect(ready.status, cli.output()).toBe(200);
      expect(await ready.json()).toMatchObject({ ok: true, database: { ok: true, name: 'PostgreSQL' }, migrations: { ok: true, pending: [] }, jobs: { ok: true, running: true } });
      expect(cli.output()).not.toMatch(/"level":"(error|fatal)"|closeloop: /);
    }
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; times: number }>('select name, count(*)::int as times from kysely_migration group by name order by name');
      // Every migration the build knows is there (/readyz said none is pending), each exactly once.
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => r.times !== 1)).toEqual([]);
    } finally {
      await client.end();
    }
  }, 60_000);
});
