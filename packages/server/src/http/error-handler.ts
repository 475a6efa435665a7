import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorBody } from '@closeloop/sdk/schemas';
import { HttpError } from './http-error.js';

/**
 * The one place errors become replies. HttpError carries its own reply; Hono's HTTPException (thrown by its
 * middleware) keeps its status; anything else is a bug: a 500 with no detail for the client, one line in the log.
 */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof HttpError) return c.json(err.toBody(), err.status, err.headers);
  if (err instanceof HTTPException) {
    const body: ErrorBody = { error: { code: 'http_error', message: err.message || 'Request failed' } };
    return c.json(body, err.status);
  }
  console.error(`closeloop: 500 ${c.req.method} ${c.req.path}: ${describe(err)}`);
  return c.json({ error: { code: 'internal_error', message: 'Internal server error' } } satisfies ErrorBody, 500);
};

export const notFound: NotFoundHandler = (c: Context) =>
  c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` } } satisfies ErrorBody, 404);

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? ` (cause: ${err.cause.message})` : '';
  return `${err.name}: ${err.message}${cause}`.replace(/\s+/g, ' ');
}
