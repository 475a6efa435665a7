import type { UrlRules } from '../schemas/url-rules.js';
import { currentUrl, matchUrl } from '../targeting/match-url.js';
import { ROUTE_EVENT } from './watch-routes.js';
import type { RouteOptions, TriggerOptions } from './trigger-options.js';

export interface PageViewOptions extends TriggerOptions, RouteOptions {
  urls: UrlRules;
}

/** Fires on this page view, and on each single-page-app route change, when the URL matches `urls`. */
export function pageView({ signal, fire, urls, routes }: PageViewOptions): void {
  const check = () => {
    if (matchUrl(urls, currentUrl())) fire();
  };
  routes.addEventListener(ROUTE_EVENT, check, { signal });
  check();
}
