import { ROUTE_EVENT } from './watch-routes.js';
import type { RouteOptions, TriggerOptions } from './trigger-options.js';

export interface DwellOptions extends TriggerOptions, RouteOptions {
  seconds: number;
}

/**
 * Fires once after `seconds` of the page being visible: time in a background tab does not count, so a survey
 * never waits on a page nobody looks at, and never appears the instant the visitor comes back. A single-page-app
 * route change starts the count again, as a new page would. Three seconds before the end it calls `prepare`, so the
 * survey's UI has loaded when the time is up (earlier would load it for visitors who leave before).
 */
export function dwell({ signal, fire, prepare, seconds, routes }: DwellOptions): void {
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
    // Two legs, one timer at a time (a pause clears whichever runs): up to 3 s before the end, then the rest.
    timer = setTimeout(() => {
      prepare?.();
      timer = setTimeout(() => {
        timer = undefined;
        fired = true;
        fire();
      }, Math.min(remaining, 3000));
    }, remaining - 3000);
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
