import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorBody } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../app-env.js';
import type { Dialect } from '../db/db.js';
import { STORE_RETRY_AFTER_SECONDS, storeOutageOf } from '../db/store-unavailable.js';
import type { Logger } from '../log/logger.js';
import { silentLogger } from '../log/logger.js';
import { HttpError } from './http-error.js';
import { routeLabel } from './route-label.js';

/**
 * The one place errors become replies. HttpError carries its own reply; Hono's HTTPException (thrown by its
 * middleware) keeps its status; a database that is down or cannot write is a 503 the client retries; anything else
 * is a bug: a 500 with no detail for the client, one error line with the stack in the log. Every reply carries the
 * request's id, which the log lines about the request carry too.
 */
export function errorHandlerFor(dialect: Dialect, logger: Logger = silentLogger()): ErrorHandler<AppEnv> {
  return (err, c) => {
    if (err instanceof HttpError) return c.json(withRequestId(err.toBody(), c), err.status, err.headers);
    const outage = storeOutageOf(err, dialect);
    if (outage) {
      logger.error({ requestId: c.get('requestId'), method: c.req.method, route: routeLabel(c), status: 503, database: outage.database, reason: outage.reason, err }, 'database unavailable');
      return c.json(withRequestId(storeUnavailableBody(outage), c), 503, { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) });
    }
    if (err instanceof HTTPException) {
      return c.json(withRequestId({ error: { code: 'http_error', message: err.message || 'Request failed' } }, c), err.status);
    }
    logger.error({ requestId: c.get('requestId'), method: c.req.method, route: routeLabel(c), status: 500, err }, 'internal error');
    return c.json(withRequestId({ error: { code: 'internal_error', message: 'Internal server error' } }, c), 500);
  };
}

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  c.json(withRequestId({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` } }, c), 404);

/** The body with the request's id added, when the request has one (an app built with observeRequests). */
export function withRequestId<T extends ErrorBody>(body: T, c: Context<AppEnv>): T {
  const requestId = c.get('requestId');
  return requestId === undefined ? body : { ...body, error: { ...body.error, requestId } };
}

/** The reply for a database outage: which database, what is wrong, that the request may be sent again. */
export function storeUnavailableBody(outage: { database: string; reason: string }): ErrorBody {
  return { error: { code: 'store_unavailable', message: `The database (${outage.database}) is unavailable: ${outage.reason}. Retry later.` } };
}

/** The handler for a sub-app tested on its own, on the SQLite every such test runs on. */
export const onError: ErrorHandler = errorHandlerFor('sqlite') as ErrorHandler;
