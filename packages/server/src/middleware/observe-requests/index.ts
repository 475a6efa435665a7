import type { Context, Next } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { requestIdOf } from '../../http/request-id.js';
import { routeLabel } from '../../http/route-label.js';
import type { Logger } from '../../log/logger.js';
import type { Metrics } from '../../metrics/metrics.js';
import { setReplyHeader } from '../../http/set-reply-header.js';

export interface ObserveRequestsOptions {
  logger: Logger;
  /** Counts and times each request; unset when `/metrics` is off. */
  metrics?: Metrics | undefined;
}

/** Methods kept as a label as they are; anything else (a client may send any token) counts as `OTHER`. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * First in the chain: gives the request its id (`c.get('requestId')`, echoed in `X-Request-Id`, put in error
 * bodies by the error handler), then, once answered, writes the one access line (method, route pattern, status, ms:
 * never the path, the query or a header) and counts it. On the ingest hot path this is a clock read, a header set,
 * one log line and a Map lookup; no child logger, no body touched.
 */
export function observeRequests({ logger, metrics }: ObserveRequestsOptions) {
  return async function observeRequests(c: Context<AppEnv>, next: Next): Promise<void> {
    const started = performance.now();
    const requestId = requestIdOf(c.req.header('x-request-id'));
    c.set('requestId', requestId);
    c.set('logger', logger);
    await next();
    const ms = performance.now() - started;
    setReplyHeader(c, 'X-Request-Id', requestId);
    const method = METHODS.has(c.req.method) ? c.req.method : 'OTHER';
    const route = routeLabel(c);
    const status = c.res.status;
    logger.info({ requestId, method, route, status, ms: Math.round(ms * 10) / 10 }, 'request');
    metrics?.observeRequest(method, route, status, ms / 1000);
  };
}
