import type { TriggerOptions } from './trigger-options.js';

export interface DwellOptions extends TriggerOptions {
  seconds: number;
}

/**
 * Fires once after `seconds` of the page being visible: time in a background tab does not count, so a survey
 * never waits on a page nobody looks at, and never appears the instant the visitor comes back.
 */
export function dwell({ signal, fire, seconds }: DwellOptions): void {
  let remaining = seconds * 1000;
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

  document.addEventListener('visibilitychange', () => (document.visibilityState === 'visible' ? resume() : pause()), { signal });
  signal.addEventListener('abort', pause, { once: true });
  resume();
}
