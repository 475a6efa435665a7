import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { HttpError } from '../../http/http-error.js';
import type { Metrics } from '../../metrics/metrics.js';

export interface MetricsRouteOptions {
  metrics: Metrics;
  /** The bearer token a scraper must send (`CLOSELOOP_METRICS_TOKEN`). */
  token: string;
}

/**
 * `GET /metrics`: Prometheus text format, for a scraper holding the token. Not public: route names, queue sizes
 * and case counts say more about a business than a visitor should learn. The token is compared in constant time
 * (digests of equal length), so a wrong guess says nothing of how close it came.
 */
export function metricsRoute({ metrics, token }: MetricsRouteOptions) {
  const expected = digest(token);
  return async function metricsRoute(c: Context<AppEnv>): Promise<Response> {
    const sent = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (sent === undefined || !timingSafeEqual(digest(sent), expected)) {
      throw new HttpError(401, 'unauthorized', 'authorization: the metrics token is missing or wrong (Authorization: Bearer <CLOSELOOP_METRICS_TOKEN>)', {
        issues: [{ path: 'authorization', message: 'the metrics token is missing or wrong' }],
        headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' },
      });
    }
    const text = await metrics.registry.metrics();
    return c.body(text, 200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
