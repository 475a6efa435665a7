import { verifyWebhook } from '@closeloop/sdk/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/db.js';
import { seedProject, submission } from '../../testing/fixtures.js';
import { startHttpReceiver } from '@closeloop/test-receivers/http-receiver';
import type { HttpReceiver } from '@closeloop/test-receivers/http-receiver';
import { useNotifyRunners } from '../../testing/notify-runner.js';
import { postResponse, registerOpenedWebhook, serveApp } from '../../testing/served-app.js';
import type { ServedApp } from '../../testing/served-app.js';
import { openPostgresTestDb } from '../../testing/test-dbs.js';
import type { TestDb } from '../../testing/test-dbs.js';

const pgUrl = process.env['CLOSELOOP_TEST_DATABASE_URL'];
const N = 50;

// Scale-out: two server instances (each its own pool, HTTP server and job runner) on one PostgreSQL database. The
// runners claim with FOR UPDATE SKIP LOCKED, so each notification is delivered by exactly one of them.
describe.skipIf(pgUrl === undefined)('two server instances on one PostgreSQL database', () => {
  let t: TestDb;
  let instances: { db: Db; served: ServedApp }[] = [];
  let receiver: HttpReceiver | undefined;
  beforeEach(async () => {
    t = await openPostgresTestDb(pgUrl!);
    const other = await t.openAnother();
    instances = [
      { db: t.db, served: await serveApp(t.db) },
      { db: other, served: await serveApp(other) },
    ];
  });
  afterEach(async () => {
    await receiver?.close();
    for (const { served } of instances) await served.close();
    await t.cleanup();
  });
  // Registered after the cleanup above so its own afterEach runs first (vitest runs after-hooks last-in, first-out):
  // the runners stop before their databases close.
  const runners = useNotifyRunners();

  it(`delivers each of ${N} detractors' cases exactly once: ${N} distinct webhook-ids at the receiver, none twice`, async () => {
    const { secretKey } = await seedProject(t.db);
    let secret = '';
    const verified: string[] = [];
    receiver = await startHttpReceiver((request, res) => {
      verifyWebhook(request.body, request.headers, secret);
      verified.push(String(request.headers['webhook-id']));
      res.writeHead(204).end();
    });
    secret = await registerOpenedWebhook(instances[0]!.served.origin, secretKey, receiver.url);
    // Polling on: a runner also picks up the jobs the other instance queued (the wake is in-process only).
    for (const { db } of instances) runners.start(db, { pollMs: 50 });

    const cases = await Promise.all(
      Array.from({ length: N }, (_, i) => postResponse(instances[i % 2]!.served.origin, submission({ answers: { nps: i % 7 }, finished: true }))),
    );
    expect(new Set(cases).size).toBe(N);

    await vi.waitFor(() => expect(verified.length).toBeGreaterThanOrEqual(N), { timeout: 15_000, interval: 20 });
    // Long enough for a duplicate claim to have shown itself.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests).toHaveLength(N);
    expect(new Set(verified).size).toBe(N);
    const bodies = receiver.requests.map((r) => (JSON.parse(r.body) as { data: { followUp: { id: string } } }).data.followUp.id);
    expect(new Set(bodies)).toEqual(new Set(cases));
    // The test's own limit covers the 15 s it allows the deliveries (vitest's default 5 s does not, on a busy machine).
  }, 20_000);
});
