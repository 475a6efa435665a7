import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorBody } from '@closeloop/sdk/schemas';
import type { Dialect } from '../db/db.js';
import { STORE_RETRY_AFTER_SECONDS, storeOutageOf } from '../db/store-unavailable.js';
import { HttpError } from './http-error.js';

/**
 * The one place errors become replies. HttpError carries its own reply; Hono's HTTPException (thrown by its
 * middleware) keeps its status; a database that is down or cannot write is a 503 the client retries; anything else
 * is a bug: a 500 with no detail for the client, one line in the log.
 */
export function errorHandlerFor(dialect: Dialect): ErrorHandler {
  return (err, c) => {
    if (err instanceof HttpError) return c.json(err.toBody(), err.status, err.headers);
    const outage = storeOutageOf(err, dialect);
    if (outage) {
      console.error(`closeloop: 503 ${c.req.method} ${c.req.path}: ${outage.database}: ${outage.reason} (${describe(err)})`);
      return c.json(storeUnavailableBody(outage), 503, { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) });
    }
    if (err instanceof HTTPException) {
      const body: ErrorBody = { error: { code: 'http_error', message: err.message || 'Request failed' } };
      return c.json(body, err.status);
    }
    console.error(`closeloop: 500 ${c.req.method} ${c.req.path}: ${describe(err)}`);
    return c.json({ error: { code: 'internal_error', message: 'Internal server error' } } satisfies ErrorBody, 500);
  };
}

export const notFound: NotFoundHandler = (c: Context) =>
  c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` } } satisfies ErrorBody, 404);

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? ` (cause: ${err.cause.message})` : '';
  return `${err.name}: ${err.message}${cause}`.replace(/\s+/g, ' ');
}

/** The reply for a database outage: which database, what is wrong, that the request may be sent again. */
export function storeUnavailableBody(outage: { database: string; reason: string }): ErrorBody {
  return { error: { code: 'store_unavailable', message: `The database (${outage.database}) is unavailable: ${outage.reason}. Retry later.` } };
}

/** The handler for a sub-app tested on its own, on the SQLite every such test runs on. */
export const onError: ErrorHandler = errorHandlerFor('sqlite');
