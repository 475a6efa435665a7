import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';

/**
 * The route pattern that answered (`/api/v1/follow-ups/:id`), never the path: the path holds ids and, under
 * `/api/v1/people/:userId`, a customer's own id, and would make one metric series per URL. Read once the request is
 * done: Hono leaves `routeIndex` on the last handler it ran. Middleware that answered itself keeps its pattern
 * (`/v1/*`); a request no route matched is `unmatched`.
 */
export function routeLabel(c: Context): string {
  const route = matchedRoutes(c)[c.req.routeIndex];
  if (route === undefined) return 'unmatched';
  if (route.method === 'ALL' && c.res.status === 404) return 'unmatched';
  return route.path;
}
