import { Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import { notFound, onError } from './http/error-handler.js';
import { bodySizeLimit } from './middleware/body-size-limit/index.js';
import { managementAuth } from './middleware/management-auth/index.js';
import { publicCors } from './middleware/public-cors/index.js';
import { getConfig } from './routes/config/index.js';
import { demoSite } from './routes/demo/index.js';
import { postFeedback } from './routes/feedback/index.js';
import { listFeedback } from './routes/feedback-list/index.js';
import { listFollowUps } from './routes/follow-ups/index.js';
import { healthz } from './routes/healthz/index.js';
import { openApi } from './routes/openapi/index.js';
import { postResponses } from './routes/responses/index.js';
import { listResponses } from './routes/responses-list/index.js';
import { deleteSurvey, getSurvey, listSurveys, putSurvey } from './routes/surveys/index.js';
import { widgetAssets } from './routes/widget-assets/index.js';
import type { Db } from './db/db.js';

export interface AppOptions {
  /** The migrated database (openSqliteDb, openPostgresDb). */
  db: Db;
  /** The built widget (`@closeloop/widget`'s `dist/browser`); unset or missing, `/closeloop.js` answers 503. */
  widgetDir?: string;
  /** A site to serve at `/demo/` (the example shop); `/` then redirects there. */
  demoDir?: string;
  /** The clock; tests pin it. */
  now?: () => Date;
  /** Largest accepted `POST /v1/responses` and `POST /v1/feedback` body, in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
}

/** The whole HTTP surface as one Hono app: serve it with @hono/node-server, or call `app.request()` in tests. */
export function createApp({ db, widgetDir, demoDir, now = () => new Date(), maxBodyBytes = 64 * 1024 }: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.notFound(notFound);

  app.get('/healthz', healthz({ db }));

  app.use('/v1/*', publicCors({ db }));
  app.get('/v1/config', getConfig({ db }));
  app.post('/v1/responses', bodySizeLimit({ maxBytes: maxBodyBytes }), postResponses({ db, now }));
  app.post('/v1/feedback', bodySizeLimit({ maxBytes: maxBodyBytes }), postFeedback({ db, now }));

  app.use('/api/v1/*', managementAuth({ db }));
  app.get('/api/v1/follow-ups', listFollowUps({ db }));
  app.get('/api/v1/responses', listResponses({ db }));
  app.get('/api/v1/feedback', listFeedback({ db }));
  app.get('/api/v1/surveys', listSurveys({ db }));
  app.get('/api/v1/surveys/:id', getSurvey({ db }));
  // A survey with translations into many languages is bigger than a response, still far below 1 MiB.
  app.put('/api/v1/surveys/:id', bodySizeLimit({ maxBytes: 1024 * 1024 }), putSurvey({ db, now }));
  app.delete('/api/v1/surveys/:id', deleteSurvey({ db, now }));

  app.get('/openapi.json', openApi());

  if (demoDir !== undefined) {
    app.get('/', (c) => c.redirect('/demo/', 302));
    app.get('/demo', (c) => c.redirect('/demo/', 301));
    app.get('/demo/*', demoSite({ dir: demoDir }));
  }

  // Last: a bare `/<name>.js` must not shadow the routes above (`/openapi.json`).
  app.get('/:file{[^/]+\\.(?:js|css|json|map)}', widgetAssets({ dir: widgetDir }));
  return app;
}
