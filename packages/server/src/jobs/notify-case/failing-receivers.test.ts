// Webhook receivers that fail, each for real over HTTP: one that never answers, one that answers 500, one that
// closes the connection. Each is retried with the server's own backoff, read off the job row under a pinned clock
// (jitter pinned to its top, so every delay is exact), until the last attempt; then the failure is in the delivery
// log with its reason, and on the case's timeline. A second, healthy webhook of the same project gets the event at
// once, while the first still hangs.
import type { ServerResponse } from 'node:http';
import { CaseDetail, Page, WebhookCreated, WebhookDelivery } from '@closeloop/sdk/schemas';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jobDefinitions } from '../definitions.js';
import { escalateCaseKind } from '../escalate-case/escalate-case.js';
import { createJobRunner } from '../runner.js';
import type { JobRunner } from '../runner.js';
import { findJobByKey } from '../../repos/jobs.js';
import { NOW, submission } from '../../testing/fixtures.js';
import { startHttpReceiver } from '@closeloop/test-receivers/http-receiver';
import type { HttpReceiver, ReceivedRequest } from '@closeloop/test-receivers/http-receiver';
import { post, useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';
import { deliverWebhookKind } from './deliver-webhook-job.js';

/** Short, so twenty attempts at a receiver that never answers take seconds; the server's default is 10 s. */
const TIMEOUT_MS = 250;
/** The runner's default backoff, which the server runs with (jobs/runner.ts). */
const BASE_MS = 1_000;
const MAX_MS = 60 * 60_000;

const failingReceivers: { name: string; respond: (request: ReceivedRequest, res: ServerResponse) => void; reason: RegExp }[] = [
  { name: 'a receiver that never answers times out', respond: () => {}, reason: new RegExp(`^timed out after ${TIMEOUT_MS} ms$`) },
  { name: 'a receiver that answers 500', respond: (_, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('database is down'), reason: /^HTTP 500: database is down$/ },
  { name: 'a receiver that closes the connection', respond: (_, res) => res.socket?.destroy(), reason: /socket hang up|ECONNRESET/ },
];

describe.each(testDialects)('webhook receivers that fail, on $name', ({ open }) => {
  let clock = NOW.getTime();
  const now = () => new Date(clock);
  const t = useTestApp({ allowPrivateWebhooks: true, now }, open);
  const receivers: HttpReceiver[] = [];
  let runner: JobRunner | undefined;
  afterEach(async () => {
    await runner?.stop();
    for (const receiver of receivers.splice(0)) await receiver.close();
    clock = NOW.getTime();
  });

  const auth = () => ({ authorization: `Bearer ${t.shop.secretKey}` });
  async function registerWebhook(url: string) {
    const res = await post(t.app, '/api/v1/webhooks', { url, events: ['follow_up.opened'] }, auth());
    expect(res.status).toBe(201);
    return WebhookCreated.parse(await res.json());
  }

  it.each(failingReceivers)('$name: retried with growing delays, then a failed delivery in the log; the healthy webhook is served at once', async ({ respond, reason }) => {
    const failing = await startHttpReceiver(respond);
    const healthy = await startHttpReceiver();
    receivers.push(failing, healthy);
    const failingHook = await registerWebhook(failing.url);
    await registerWebhook(healthy.url);
    // The server's jobs and backoff, on the pinned clock (only what is due by it is claimed), jitter at its top.
    const definitions = jobDefinitions({ db: t.db, allowPrivateWebhooks: true, baseUrl: 'https://closeloop.test', now, deliveryTimeoutMs: TIMEOUT_MS }).filter((d) => d.kind !== escalateCaseKind.kind);
    runner = createJobRunner({ db: t.db, definitions, now, random: () => 1, pollMs: 60_000, onError: () => {} });
    runner.start();

    const res = await post(t.app, '/v1/responses', submission({ answers: { nps: 2 }, finished: true }), { Origin: 'https://shop.example' });
    const { followUpId } = (await res.json()) as { followUpId: string };
    // The healthy receiver hears of the case with the clock still pinned: it waits for no retry of the failing one.
    // (No wall-clock bound: how soon is the notify bench's to measure, and under a loaded CI host a bound was flaky.)
    await vi.waitFor(() => expect(healthy.requests).toHaveLength(1), { timeout: 5_000, interval: 5 });
    await vi.waitFor(() => expect(failing.requests).toHaveLength(1), { timeout: 2_000, interval: 5 });

    const key = `case:${followUpId}:opened:webhook:${failingHook.id}`;
    const delays: number[] = [];
    expect(deliverWebhookKind.maxAttempts).toBe(20);
    for (let attempt = 1; attempt < 20; attempt += 1) {
      const job = await vi.waitFor(
        async () => {
          const found = await findJobByKey(t.db.kysely, key);
          expect(found).toMatchObject({ status: 'pending', attempts: attempt, lastError: expect.stringMatching(reason) });
          return found!;
        },
        { timeout: TIMEOUT_MS + 2_000, interval: 5 },
      );
      delays.push(Date.parse(job.runAt) - clock);
      // Not a moment before its time: the runner, woken, claims nothing.
      runner.wake();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(failing.requests).toHaveLength(attempt);
      clock = Date.parse(job.runAt);
      runner.wake();
      await vi.waitFor(() => expect(failing.requests).toHaveLength(attempt + 1), { timeout: 2_000, interval: 5 });
    }
    // 1 s doubling to the hour's cap: 1, 2, 4 … 2,048 s, then an hour each.
    expect(delays).toEqual(delays.map((_, i) => Math.min(MAX_MS, BASE_MS * 2 ** i)));
    expect(delays.slice(0, 4)).toEqual([1_000, 2_000, 4_000, 8_000]);

    await vi.waitFor(async () => expect(await findJobByKey(t.db.kysely, key)).toMatchObject({ status: 'failed', attempts: 20, lastError: expect.stringMatching(reason) }), {
      timeout: TIMEOUT_MS + 2_000,
      interval: 5,
    });
    // Nothing more is tried, however late it gets.
    clock += 24 * MAX_MS;
    runner.wake();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(failing.requests).toHaveLength(20);
    expect(healthy.requests).toHaveLength(1);

    // The delivery log, newest first: every attempt with its reason and no status (none arrived) but for the 500.
    const log = await t.app.request(`/api/v1/webhooks/${failingHook.id}/deliveries?limit=100`, { headers: auth() });
    expect(log.status).toBe(200);
    const deliveries = Page(WebhookDelivery).parse(await log.json()).data;
    expect(deliveries.map((d) => d.attempt)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
    for (const delivery of deliveries) {
      expect(delivery.error).toMatch(reason);
      expect(delivery.statusCode).toBe(reason.source.includes('500') ? 500 : null);
    }
    // The case says the notification failed for good, and why.
    const detail = CaseDetail.parse(await (await t.app.request(`/api/v1/follow-ups/${followUpId}`, { headers: auth() })).json());
    const failed = detail.timeline.filter((e) => e.type === 'notification_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.after).toMatchObject({ channel: 'webhook', event: 'follow_up.opened', webhookId: failingHook.id, error: expect.stringMatching(reason) });
  }, 30_000);
});
