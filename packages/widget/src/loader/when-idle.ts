/**
 * At the latest this long after closeloop.js ran, the core starts even on a page that is never idle: a survey's
 * triggers are armed within a few seconds of arrival however busy the page, and exits before that are kept
 * (watchEarlyExits).
 */
const IDLE_TIMEOUT_MS = 2000;

/**
 * Runs `task` once the browser has an idle moment, so the page's own loading comes first. Where there is no
 * `requestIdleCallback` (Safari), after the tasks already queued.
 */
export function whenIdle(task: () => void): void {
  // Typed as always there; Safari has none.
  const idle = window.requestIdleCallback as typeof requestIdleCallback | undefined;
  if (idle) idle(task, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(task);
}
