import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { listen } from '../../cli/listen.js';
import type { Listening } from '../../cli/listen.js';
import { countedDeliveries } from '../../jobs/counted-deliveries.js';
import { defineJob } from '../../jobs/job-definition.js';
import { createMetrics } from '../../metrics/metrics.js';
import type { Metrics } from '../../metrics/metrics.js';
import { NO_RATE_LIMITS } from '../../middleware/rate-limit/index.js';
import { feedbackSubmission, NOW, seedProject, submission } from '../../testing/fixtures.js';
import type { SeededProject } from '../../testing/fixtures.js';
import { testDialects } from '../../testing/test-dbs.js';
import type { TestDb } from '../../testing/test-dbs.js';
import { z } from 'zod';

const TOKEN = 'metrics-token-0123456789';
const DAY = 24 * 60 * 60_000;

/** One sample's value in a Prometheus text exposition, by its exact name and labels; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(testDialects)('GET /metrics on the real server ($name)', ({ open }) => {
  let opened: TestDb;
  let shop: SeededProject;
  let served: Listening;
  let origin: string;
  let clock: Date;
  beforeEach(async () => {
    opened = await open();
    shop = await seedProject(opened.db);
    clock = NOW;
    const metrics = createMetrics({ db: opened.db, now: () => clock });
    served = await listen(createApp({ db: opened.db, now: () => NOW, rateLimits: NO_RATE_LIMITS, metrics, metricsToken: TOKEN }), { port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${served.port}`;
  });
  afterEach(async () => {
    served.server.close();
    if ('closeAllConnections' in served.server) served.server.closeAllConnections();
    await opened.cleanup();
  });

  const scrape = async (headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}` }) => fetch(`${origin}/metrics`, { headers });
  const send = (path: string, body: unknown) => fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://shop.example' }, body: JSON.stringify(body) });

  it('counts answers by route and status, times ingest, and reads jobs and cases from the database', async () => {
    // Three detractors (three cases), a promoter, a feedback, and one answer refused.
    for (const nps of [1, 2, 3, 10]) expect((await send('/v1/responses', submission({ answers: { nps } }))).status).toBe(201);
    expect((await send('/v1/feedback', feedbackSubmission())).status).toBe(201);
    expect((await send('/v1/responses', { ...submission(), surveyId: 'no-such-survey' })).status).toBe(404);

    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(sample(text, 'closeloop_http_requests_total{method="POST",route="/v1/responses",status="201"}')).toBe(4);
    expect(sample(text, 'closeloop_http_requests_total{method="POST",route="/v1/responses",status="404"}')).toBe(1);
    expect(sample(text, 'closeloop_http_requests_total{method="POST",route="/v1/feedback",status="201"}')).toBe(1);
    expect(sample(text, 'closeloop_http_request_duration_seconds_count{method="POST",route="/v1/responses"}')).toBe(5);
    expect(sample(text, 'closeloop_ingest_duration_seconds_count{kind="response"}')).toBe(5);
    expect(sample(text, 'closeloop_ingest_duration_seconds_count{kind="feedback"}')).toBe(1);
    expect(sample(text, 'closeloop_ingest_duration_seconds_bucket{le="+Inf",kind="response"}')).toBe(5);
    // Each detractor's case and the problem feedback's: open, none overdue yet; their notifications queued.
    expect(sample(text, 'closeloop_cases_open{status="open"}')).toBe(4);
    expect(sample(text, 'closeloop_cases_open{status="in_progress"}')).toBe(0);
    expect(sample(text, 'closeloop_cases_overdue')).toBe(0);
    expect(sample(text, 'closeloop_jobs{kind="notify-case",status="pending"}')).toBe(4);
    // Series that stay at 0 until something happens: none failed, no delivery yet.
    expect(sample(text, 'closeloop_jobs{kind="notify-case",status="failed"}')).toBe(0);
    expect(sample(text, 'closeloop_jobs{kind="deliver-webhook",status="pending"}')).toBe(0);
    expect(sample(text, 'closeloop_deliveries_total{channel="slack",outcome="failed"}')).toBe(0);
    // Node's own, under the same prefix.
    expect(text).toContain('closeloop_process_cpu_seconds_total');

    // A month later, every open case is past its due time.
    clock = new Date(NOW.getTime() + 30 * DAY);
    expect(sample(await (await scrape()).text(), 'closeloop_cases_overdue')).toBe(4);
  });

  it('asks for the token: none or a wrong one is a 401 naming the header, and shows nothing', async () => {
    const refused: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong-token-0123456789' }, { Authorization: TOKEN }, { Authorization: `Bearer ${shop.secretKey}` }];
    for (const headers of refused) {
      const res = await scrape(headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
      expect(body.error.issues.map((i) => i.path)).toEqual(['authorization']);
    }
  });
});

describe('GET /metrics off', () => {
  it('is not served without a token, even with metrics counted', async () => {
    const { db, cleanup } = await testDialects[0]!.open();
    const metrics = createMetrics({ db });
    for (const app of [createApp({ db }), createApp({ db, metrics })]) expect((await app.request('/metrics')).status).toBe(404);
    await cleanup();
  });
});

describe('countedDeliveries', () => {
  let metrics: Metrics;
  let reading: () => Promise<string>;
  beforeEach(async () => {
    const { db, cleanup } = await testDialects[0]!.open();
    metrics = createMetrics({ db });
    reading = async () => {
      const text = await metrics.registry.metrics();
      await cleanup();
      return text;
    };
  });

  it('counts each delivery attempt by channel and outcome: delivered, retrying, failed once its attempts are spent', async () => {
    let fail = false;
    const handle = async () => {
      if (fail) throw new Error('receiver down');
    };
    const webhook = defineJob({ kind: 'deliver-webhook', payload: z.object({}), maxAttempts: 3, handle });
    const email = defineJob({ kind: 'deliver-email', payload: z.object({}), handle });
    const other = defineJob({ kind: 'notify-case', payload: z.object({}), handle });
    const [countedWebhook, countedEmail, countedOther] = countedDeliveries([webhook, email, other], metrics);
    expect(countedOther).toBe(other);

    await countedWebhook!.handle({}, { attempt: 1, key: 'k' });
    await countedEmail!.handle({}, { attempt: 1, key: 'k' });
    fail = true;
    await expect(countedWebhook!.handle({}, { attempt: 1, key: 'k' })).rejects.toThrow('receiver down');
    await expect(countedWebhook!.handle({}, { attempt: 3, key: 'k' })).rejects.toThrow('receiver down');
    await expect(countedEmail!.handle({}, { attempt: 7, key: 'k' })).rejects.toThrow('receiver down');
    await expect(countedEmail!.handle({}, { attempt: 8, key: 'k' })).rejects.toThrow('receiver down');

    const text = await reading();
    expect(sample(text, 'closeloop_deliveries_total{channel="webhook",outcome="delivered"}')).toBe(1);
    expect(sample(text, 'closeloop_deliveries_total{channel="webhook",outcome="retrying"}')).toBe(1);
    expect(sample(text, 'closeloop_deliveries_total{channel="webhook",outcome="failed"}')).toBe(1);
    expect(sample(text, 'closeloop_deliveries_total{channel="email",outcome="delivered"}')).toBe(1);
    expect(sample(text, 'closeloop_deliveries_total{channel="email",outcome="retrying"}')).toBe(1);
    expect(sample(text, 'closeloop_deliveries_total{channel="email",outcome="failed"}')).toBe(1);
  });
});
