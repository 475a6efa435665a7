import { isTopExit, type EarlyExits } from './early-exits.js';
import type { TriggerOptions } from './trigger-options.js';

export interface ExitIntentOptions extends TriggerOptions {
  /** Leaves within this many seconds of arming do not count (a visitor reaching for a tab on arrival). */
  ignoreFirstSeconds?: number | undefined;
  /** Mobile variants: a fast upward scroll near the top, and the tab hidden after the visitor engaged. */
  mobile?: { scrollUp: boolean; tabHidden: boolean } | undefined;
  /**
   * Exits seen before arming (see early-exits.ts): the last one counts at arming, and `ignoreFirstSeconds` is
   * measured from when they were first watched, the visitor's arrival, rather than from arming.
   */
  exits?: EarlyExits | undefined;
}

/** Upward speed, in px/ms, that reads as "heading for the address bar" rather than reading back. */
const FLICK_SPEED = 1;
/**
 * The speed is measured over at least this many ms, never between two events alone: at the start of a touch drag
 * after a pause, Chromium sends two `scroll` events 1–3 ms but 5–9 px apart, which reads as a flick however slowly
 * the finger then moves.
 */
const FLICK_WINDOW_MS = 100;
/** "Near the top": within this share of the viewport height from it. */
const NEAR_TOP = 0.3;

/**
 * The visitor is about to leave. Desktop: the pointer leaves the page through the top edge of the viewport, towards
 * the tabs or the address bar; leaving through a side or the bottom (a second screen, the taskbar), into an
 * iframe, or into a `<select>`'s popup is not an exit. Mobile has no pointer to watch, so `mobile` adds a fast
 * upward scroll ending near the top, and the tab being hidden after the visitor scrolled or tapped.
 */
export function exitIntent({ signal, fire, prepare, ignoreFirstSeconds = 0, mobile, exits }: ExitIntentOptions): void {
  const armedAt = exits?.since ?? Date.now();
  const maybeFire = (at = Date.now()) => {
    if (at - armedAt >= ignoreFirstSeconds * 1000) fire();
  };
  const on = <K extends keyof DocumentEventMap>(target: Document | Window, type: K, listener: (event: DocumentEventMap[K]) => void) =>
    target.addEventListener(type, listener as EventListener, { signal, passive: true });

  if (exits?.last) maybeFire(exits.last);
  on(document, 'mouseout', (event) => isTopExit(event) && maybeFire());
  // Heading up in the top part of the window: the leave may be a moment away, time enough to fetch the survey UI.
  on(document, 'mousemove', (event) => event.movementY < 0 && event.clientY < innerHeight * NEAR_TOP && prepare?.());
  if (!mobile) return;
  let engaged = false;
  // Where the page was at the start of the current window; it moves on once the window is FLICK_WINDOW_MS old.
  let fromY = scrollY;
  let fromAt = Date.now();
  on(document, 'pointerdown', () => (engaged = true));
  on(window, 'scroll', () => {
    const now = Date.now();
    const elapsed = now - fromAt;
    // Over a window still shorter than FLICK_WINDOW_MS, the distance counts as if spread over all of it.
    const speed = (fromY - scrollY) / Math.max(elapsed, FLICK_WINDOW_MS);
    if (mobile.scrollUp && speed >= FLICK_SPEED && scrollY <= innerHeight * NEAR_TOP) maybeFire();
    if (scrollY !== fromY) engaged = true;
    if (elapsed >= FLICK_WINDOW_MS) {
      fromY = scrollY;
      fromAt = now;
    }
  });
  on(document, 'visibilitychange', () => {
    if (mobile.tabHidden && engaged && document.visibilityState === 'hidden') maybeFire();
  });
}
