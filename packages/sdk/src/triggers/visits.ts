import { ROUTE_EVENT } from './watch-routes.js';
import type { RouteOptions, TriggerOptions } from './trigger-options.js';

/** How many page views and sessions this visitor has had, this one included. */
export interface VisitCounts {
  pageViews: number;
  sessions: number;
}

export interface VisitsOptions extends TriggerOptions, RouteOptions {
  pageViews?: number | undefined;
  sessions?: number | undefined;
  /** Read at each check: the core counts page views (route changes included) and sessions. */
  counts: () => VisitCounts;
}

/** Fires on the visitor's `pageViews`-th page view or `sessions`-th session, and on every one after it. */
export function visits({ signal, fire, pageViews = Infinity, sessions = Infinity, counts, routes }: VisitsOptions): void {
  const check = () => {
    const now = counts();
    if (now.pageViews >= pageViews || now.sessions >= sessions) fire();
  };
  routes.addEventListener(ROUTE_EVENT, check, { signal });
  check();
}
