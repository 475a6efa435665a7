// `pnpm bench`: answer → webhook delivered. 1,000 detractors are POSTed to the real app over HTTP (SQLite in a
// temp file, WAL, as `closeloop serve` runs it; and PostgreSQL, in a schema of its own, when
// CLOSELOOP_TEST_DATABASE_URL names a server); each is timed from its POST to its signed webhook arriving,
// verified, at a local receiver. The runner polls once a second as in production, so what arrives sooner was woken
// at commit. Two runs: one detractor at a time (the latency a detractor sees), and 8 in flight as fast as they go
// (a burst far beyond any shop's detractor rate: past what one process delivers, the rest wait in the queue, which
// is what the percentiles then show). Client, server, runner and receiver share one process and its CPU.
// This reports; it asserts nothing about time.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { verifyWebhook } from '@closeloop/sdk/node';
import { WebhookEvent } from '@closeloop/sdk/schemas';
import { bench, describe } from 'vitest';
import type { Db } from '../db/db.js';
import { openSqliteDb } from '../db/sqlite.js';
import { seedProject, submission } from '../testing/fixtures.js';
import { startHttpReceiver } from '@closeloop/test-receivers/http-receiver';
import { postResponse, registerOpenedWebhook, serveApp } from '../testing/served-app.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { openPostgresTestDb } from '../testing/test-dbs.js';
import { jobDefinitions } from './definitions.js';
import { createJobRunner } from './runner.js';

const DETRACTORS = 1_000;
const pgUrl = process.env['CLOSELOOP_TEST_DATABASE_URL'];
type DialectName = 'SQLite' | 'PostgreSQL';

/** A fresh database of the dialect, and how to throw it away. */
async function openBenchDb(dialect: DialectName): Promise<{ db: Db; cleanup(): Promise<void> }> {
  if (dialect === 'PostgreSQL') {
    const opened = await openPostgresTestDb(pgUrl!);
    return { db: opened.db, cleanup: opened.cleanup };
  }
  const dir = makeTempDir({});
  const db = await openSqliteDb({ file: join(dir, 'closeloop.sqlite') });
  return {
    db,
    async cleanup() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Posts DETRACTORS detractors, `concurrency` in flight at once, and prints the answer → webhook percentiles. */
async function answerToWebhook(dialect: DialectName, concurrency: number): Promise<void> {
  const { db, cleanup } = await openBenchDb(dialect);
  const served = await serveApp(db);
  const runner = createJobRunner({ db, definitions: jobDefinitions({ db, allowPrivateWebhooks: true, baseUrl: served.origin, now: () => new Date() }) });
  const postedAt = new Map<string, number>();
  const latencies: number[] = [];
  let secret = '';
  let allArrived = () => {};
  const arrived = new Promise<void>((resolve) => (allArrived = resolve));
  const receiver = await startHttpReceiver((request, res) => {
    const event = WebhookEvent.parse(verifyWebhook(request.body, request.headers, secret));
    const { followUp } = event.data;
    const responseId = followUp.source === 'survey' ? followUp.response.id : followUp.feedback.id;
    latencies.push(performance.now() - (postedAt.get(responseId) ?? NaN));
    res.writeHead(204).end();
    if (latencies.length === DETRACTORS) allArrived();
  });
  try {
    const { secretKey } = await seedProject(db);
    secret = await registerOpenedWebhook(served.origin, secretKey, receiver.url);
    runner.start();

    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < DETRACTORS) {
          next += 1;
          // Whole answers (finished): a score with its comment still to come would wait for it (cases/notice-hold.ts).
          const body = submission({ id: randomUUID(), answers: { nps: next % 7 }, finished: true, answeredAt: new Date().toISOString() });
          postedAt.set(body.id, performance.now());
          await postResponse(served.origin, body);
        }
      }),
    );
    await Promise.race([arrived, new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${latencies.length} of ${DETRACTORS} webhooks arrived`)), 60_000))]);
    const total = performance.now() - started;
    report(latencies, total, dialect, concurrency);
  } finally {
    await runner.stop();
    await receiver.close();
    await served.close();
    await cleanup();
  }
}

function report(latencies: number[], totalMs: number, dialect: DialectName, concurrency: number): void {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  process.stdout.write(
    `${[
      `answer → webhook delivered, ${sorted.length} detractors over HTTP on ${dialect}, ${concurrency} in flight, ${(sorted.length / (totalMs / 1000)).toFixed(0)} per second:`,
      `  p50 ${ms(at(50))}   p90 ${ms(at(90))}   p99 ${ms(at(99))}   max ${ms(sorted.at(-1)!)}`,
    ].join('\n')}\n`,
  );
}

/** The measurement runs once per setting, however often the bench harness calls (it may call again to sample). */
const measured = new Map<string, Promise<void>>();
function measureOnce(dialect: DialectName, concurrency: number): Promise<void> {
  let run = measured.get(`${dialect} ${concurrency}`);
  if (run === undefined) {
    run = answerToWebhook(dialect, concurrency);
    measured.set(`${dialect} ${concurrency}`, run);
  }
  return run;
}

const dialects: DialectName[] = ['SQLite', ...(pgUrl ? (['PostgreSQL'] as const) : [])];

describe.each(dialects)('notifications on %s', (dialect) => {
  // One run of 1,000 each is the measurement; the percentiles printed are the figures (the harness's table is not).
  const once = () => ({ iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 });
  bench(`answer → webhook delivered, ${DETRACTORS} detractors one at a time`, () => measureOnce(dialect, 1), once());
  bench(`answer → webhook delivered, ${DETRACTORS} detractors 8 in flight`, () => measureOnce(dialect, 8), once());
});
