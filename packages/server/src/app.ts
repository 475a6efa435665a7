import { Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import type { EventStreamOptions } from './api/management/events.js';
import { managementApi } from './api/management/index.js';
import { publicApi } from './api/public.js';
import { sessionApi } from './api/session.js';
import type { Db } from './db/db.js';
import { errorHandlerFor, notFound } from './http/error-handler.js';
import { bodySizeLimit } from './middleware/body-size-limit/index.js';
import type { RateLimits } from './middleware/rate-limit/index.js';
import { trustClientAddress } from './middleware/client-address/index.js';
import { refuseNul } from './middleware/refuse-nul/index.js';
import { securityHeaders } from './middleware/security-headers/index.js';
import { consoleAssets } from './routes/console-assets/index.js';
import type { Mailer } from './notify/email/mailer.js';
import { demoSite } from './routes/demo/index.js';
import { healthz } from './routes/healthz/index.js';
import { metricsRoute } from './routes/metrics/index.js';
import { readyz } from './routes/readyz/index.js';
import type { Logger } from './log/logger.js';
import { silentLogger } from './log/logger.js';
import type { Metrics } from './metrics/metrics.js';
import { observeRequests } from './middleware/observe-requests/index.js';
import { openApi } from './routes/openapi/index.js';
import { widgetAssets } from './routes/widget-assets/index.js';
import { PREVIEW_PAGE, previewPage } from './routes/widget-assets/preview-page.js';

export interface AppOptions {
  /** The migrated database (openSqliteDb, openPostgresDb). */
  db: Db;
  /** The built widget (`@closeloop/widget`'s `dist/browser`); unset or missing, `/closeloop.js` answers 503. */
  widgetDir?: string;
  /** The built console (`@closeloop/console`'s `dist/`); unset or unbuilt, `/console/` answers 503. */
  consoleDir?: string;
  /** A site to serve at `/demo/` (the example shop); `/` then redirects there. */
  demoDir?: string;
  /** The clock; tests pin it. */
  now?: () => Date;
  /** Largest accepted `POST /v1/responses` and `POST /v1/feedback` body, in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  /** `--allow-private-webhooks`: webhooks and Slack may target loopback and private networks (the demo, tests). Default false. */
  allowPrivateWebhooks?: boolean;
  /** The server's SMTP settings, for the email "send test"; null or absent: the server sends no email. */
  mail?: Mailer | null;
  /** `GET /api/v1/events`: poll and ping intervals (1 s, 15 s), and a signal that ends open streams (shutdown). */
  eventStream?: EventStreamOptions;
  /** Whether this instance's job runner runs, for `/healthz`; unset when the app runs no jobs. */
  jobsRunning?: () => boolean;
  /**
   * Requests per second per client address and per project on `/v1`, and per secret key or console member on
   * `/api/v1`; 0 switches one off. Unset ones take DEFAULT_RATE_LIMITS (100, 2,000, 50). Held in this process's
   * memory: each instance counts on its own.
   */
  rateLimits?: Partial<RateLimits>;
  /** The rate limits' clock, in ms: monotonic, apart from `now` (which tests pin). Tests step it. */
  rateLimitClock?: () => number;
  /**
   * `--trust-proxy`: how many reverse proxies stand in front of this server, whose `X-Forwarded-For` entries name the
   * client for the per-address limits. Default 0: the header is ignored and the socket's address counts.
   */
  trustedProxies?: number;
  /** Where the access lines and server errors go (`createLogger`); default none (tests). */
  logger?: Logger;
  /** Counts requests (`createMetrics`), shared with the job runner's delivery counts; unset, nothing is counted. */
  metrics?: Metrics;
  /** The bearer token `GET /metrics` asks for; unset (or no `metrics`), there is no `/metrics` route. */
  metricsToken?: string;
}

/** The whole HTTP surface as one Hono app: serve it with @hono/node-server, or call `app.request()` in tests. */
export function createApp({ db, widgetDir, consoleDir, demoDir, now = () => new Date(), maxBodyBytes = 64 * 1024, allowPrivateWebhooks = false, mail = null, eventStream, jobsRunning, rateLimits, rateLimitClock, trustedProxies = 0, logger = silentLogger(), metrics, metricsToken }: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(errorHandlerFor(db.dialect, logger));
  app.notFound(notFound);
  // First: every later line about the request, and every error reply, carries its id.
  app.use('*', observeRequests({ logger, metrics }));
  app.use('*', securityHeaders);
  app.use('*', trustClientAddress(trustedProxies));
  app.use('/v1/*', refuseNul);
  app.use('/api/v1/*', refuseNul);
  // The console's and integrations' bodies: the largest, a survey with its translations, is far below 1 MiB.
  app.use('/api/v1/*', bodySizeLimit({ maxBytes: 1024 * 1024 }));

  app.get('/healthz', healthz({ jobsRunning }));
  app.get('/readyz', readyz({ db, jobsRunning }));
  if (metrics !== undefined && metricsToken !== undefined) app.get('/metrics', metricsRoute({ metrics, token: metricsToken }));

  // One sub-app per surface, each with its own auth and CORS. The console's session routes come before the
  // management API, whose auth (key or session) they do not go through.
  const limits = { limits: rateLimits, clock: rateLimitClock };
  app.route('/v1', publicApi({ db, now, maxBodyBytes, rateLimits: limits }));
  app.route('/api/v1/session', sessionApi({ db, now }));
  app.route('/api/v1', managementApi({ db, now, allowPrivateWebhooks, mail, eventStream, rateLimits: limits }));

  app.get('/openapi.json', openApi());

  app.get('/console', (c) => c.redirect('/console/', 301));
  app.get('/console/*', consoleAssets({ dir: consoleDir }));

  if (demoDir !== undefined) {
    app.get('/', (c) => c.redirect('/demo/', 302));
    app.get('/demo', (c) => c.redirect('/demo/', 301));
    app.get('/demo/*', demoSite({ dir: demoDir }));
  }

  // The console's survey preview: the one HTML page of the widget build, served for this origin's frames only.
  app.get(`/${PREVIEW_PAGE}`, previewPage({ dir: widgetDir }));
  // Last: a bare `/<name>.js` must not shadow the routes above (`/openapi.json`).
  app.get('/:file{[^/]+\\.(?:js|css|json|map)}', widgetAssets({ dir: widgetDir }));
  return app;
}
