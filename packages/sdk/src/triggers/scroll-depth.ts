import { ROUTE_EVENT } from './watch-routes.js';
import type { RouteOptions, TriggerOptions } from './trigger-options.js';

export interface ScrollDepthOptions extends TriggerOptions, RouteOptions {
  /** 1–100: how far down the page the bottom of the viewport must reach. */
  percent: number;
}

/**
 * Fires once the visitor has scrolled the bottom of the viewport to `percent` of the page's height; again after a
 * single-page-app route change, since the new route is a new page to read.
 */
export function scrollDepth({ signal, fire, percent, routes }: ScrollDepthOptions): void {
  let fired = false;
  const check = () => {
    const root = document.documentElement;
    if (!fired && ((scrollY + innerHeight) / root.scrollHeight) * 100 >= percent) {
      fired = true;
      fire();
    }
  };
  window.addEventListener('scroll', check, { signal, passive: true });
  routes.addEventListener(ROUTE_EVENT, () => (fired = false), { signal });
}
