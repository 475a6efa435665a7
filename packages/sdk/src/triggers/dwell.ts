import { ROUTE_EVENT } from './watch-routes.js';
import type { RouteOptions, TriggerOptions } from './trigger-options.js';

export interface DwellOptions extends TriggerOptions, RouteOptions {
  seconds: number;
}

/**
 * Fires once after `seconds` of the page being visible: time in a background tab does not count, so a survey
 * never waits on a page nobody looks at, and never appears the instant the visitor comes back. A single-page-app
 * route change starts the count again, as a new page would.
 */
export function dwell({ signal, fire, seconds, routes }: DwellOptions): void {
  let remaining = 0;
  let since = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fired = false;

  const pause = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    remaining -= Date.now() - since;
  };
  const resume = () => {
    if (timer !== undefined || fired || signal.aborted || document.visibilityState !== 'visible') return;
    since = Date.now();
    timer = setTimeout(() => {
      timer = undefined;
      fired = true;
      fire();
    }, Math.max(remaining, 0));
  };
  const restart = () => {
    pause();
    remaining = seconds * 1000;
    fired = false;
    resume();
  };

  document.addEventListener('visibilitychange', () => (document.visibilityState === 'visible' ? resume() : pause()), { signal });
  routes.addEventListener(ROUTE_EVENT, restart, { signal });
  signal.addEventListener('abort', pause, { once: true });
  restart();
}
