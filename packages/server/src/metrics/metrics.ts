import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { FollowUpStatus } from '@closeloop/sdk/schemas';
import type { Db } from '../db/db.js';
import { deliverCustomerEmailKind } from '../jobs/close-loop/deliver-customer-email-job.js';
import { deliverEmailKind } from '../jobs/notify-case/deliver-email-job.js';
import { deliverSlackKind } from '../jobs/notify-case/deliver-slack-job.js';
import { deliverWebhookKind } from '../jobs/notify-case/deliver-webhook-job.js';
import { countOpenCases, countOverdueCases } from '../repos/case-counts.js';
import { countJobs } from '../repos/job-counts.js';

/** Which notification a delivery job carries, by its job kind. */
export const DELIVERY_CHANNELS: Readonly<Record<string, string>> = {
  [deliverWebhookKind.kind]: 'webhook',
  [deliverSlackKind.kind]: 'slack',
  [deliverEmailKind.kind]: 'email',
  [deliverCustomerEmailKind.kind]: 'customer_email',
};

const DELIVERY_OUTCOMES = ['delivered', 'retrying', 'failed'] as const;
/** One delivery attempt: sent, failed and to be retried, or failed for good (its attempts spent). */
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

const JOB_STATUSES = ['pending', 'running', 'failed'] as const;

const OPEN_STATUSES = FollowUpStatus.options.filter((status) => status !== 'resolved' && status !== 'closed');

/** Routes whose latency is ingest latency: what a visitor's browser waits for. */
const INGEST_ROUTES: Readonly<Record<string, string>> = {
  'POST /v1/responses': 'response',
  'POST /v1/feedback': 'feedback',
};

export interface Metrics {
  /** Everything `/metrics` shows, in Prometheus text format. */
  readonly registry: Registry;
  /** One answered HTTP request, by route pattern (never the path). */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** One webhook, Slack or email delivery attempt. */
  countDelivery(channel: string, outcome: DeliveryOutcome): void;
}

export interface MetricsOptions {
  /** Read at scrape time for the job and case gauges. */
  db: Db;
  now?: () => Date;
}

type Observe = (seconds: number) => void;

/**
 * This process's metrics, in a registry of its own (not prom-client's global one: tests build many apps). Counters
 * and histograms count what this instance served; the job and case gauges are read from the database at each
 * scrape, so every instance reports the same shared queue. Node's own metrics (heap, event loop lag) come along.
 */
export function createMetrics({ db, now = () => new Date() }: MetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'closeloop_' });
  const requests = new Counter({ name: 'closeloop_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames: ['method', 'route', 'status'] as const, registers: [registry] });
  const duration = new Histogram({
    name: 'closeloop_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const ingest = new Histogram({
    name: 'closeloop_ingest_duration_seconds',
    help: 'Time to store an answer (POST /v1/responses) or a feedback (POST /v1/feedback), whatever the status',
    labelNames: ['kind'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const deliveries = new Counter({ name: 'closeloop_deliveries_total', help: 'Notification delivery attempts, by channel and outcome', labelNames: ['channel', 'outcome'] as const, registers: [registry] });
  // Every series from 0, so `rate()` sees the first delivery rather than a series appearing.
  for (const channel of new Set(Object.values(DELIVERY_CHANNELS))) for (const outcome of DELIVERY_OUTCOMES) deliveries.inc({ channel, outcome }, 0);
  // Every kind seen (the delivery kinds from the start) keeps its three series, at 0 when none is left: a series that
  // vanishes reads as "no data", not as "the queue is empty".
  const jobKinds = new Set(Object.keys(DELIVERY_CHANNELS));
  new Gauge({
    name: 'closeloop_jobs',
    help: 'Jobs queued (pending), running and failed, by kind, across every instance (read from the database at scrape time)',
    labelNames: ['kind', 'status'] as const,
    registers: [registry],
    async collect() {
      const counts = new Map((await countJobs(db.kysely)).map(({ kind, status, count }) => [`${kind} ${status}`, count]));
      for (const key of counts.keys()) jobKinds.add(key.slice(0, key.lastIndexOf(' ')));
      for (const kind of jobKinds) for (const status of JOB_STATUSES) this.set({ kind, status }, counts.get(`${kind} ${status}`) ?? 0);
    },
  });
  new Gauge({
    name: 'closeloop_cases_open',
    help: 'Cases not yet resolved or closed, by status (read from the database at scrape time)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const counts = new Map((await countOpenCases(db.kysely)).map(({ status, count }) => [status, count]));
      // Every unfinished status, 0 included: a series that vanishes when its count drops to 0 reads as "no data".
      for (const status of OPEN_STATUSES) this.set({ status }, counts.get(status) ?? 0);
    },
  });
  new Gauge({
    name: 'closeloop_cases_overdue',
    help: 'Unfinished cases past their due time (read from the database at scrape time)',
    registers: [registry],
    async collect() {
      this.set(await countOverdueCases(db.kysely, now()));
    },
  });

  // One labelled child per series, kept: the hot path then does a Map lookup, not prom-client's label hashing.
  const series = new Map<string, { count: () => void; time: Observe; ingest: Observe | undefined }>();
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      const key = `${method} ${route} ${status}`;
      let one = series.get(key);
      if (one === undefined) {
        const counter = requests.labels(method, route, String(status));
        const kind = INGEST_ROUTES[`${method} ${route}`];
        const timer = duration.labels(method, route);
        const ingestTimer = kind === undefined ? undefined : ingest.labels(kind);
        one = { count: () => counter.inc(), time: (s) => timer.observe(s), ingest: ingestTimer && ((s) => ingestTimer.observe(s)) };
        series.set(key, one);
      }
      one.count();
      one.time(seconds);
      one.ingest?.(seconds);
    },
    countDelivery(channel, outcome) {
      deliveries.inc({ channel, outcome });
    },
  };
}
