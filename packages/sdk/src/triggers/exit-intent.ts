import type { TriggerOptions } from './trigger-options.js';

export interface ExitIntentOptions extends TriggerOptions {
  /** Leaves within this many seconds of arming do not count (a visitor reaching for a tab on arrival). */
  ignoreFirstSeconds?: number | undefined;
  /** Mobile variants: a fast upward scroll near the top, and the tab hidden after the visitor engaged. */
  mobile?: { scrollUp: boolean; tabHidden: boolean } | undefined;
}

/** Upward speed, in px/ms, that reads as "heading for the address bar" rather than reading back. */
const FLICK_SPEED = 1;
/** "Near the top": within this share of the viewport height from it. */
const NEAR_TOP = 0.3;

/**
 * The visitor is about to leave. Desktop: the pointer leaves the page through the top edge of the viewport, towards
 * the tabs or the address bar; leaving through a side or the bottom (a second screen, the taskbar), into an
 * iframe, or into a `<select>`'s popup is not an exit. Mobile has no pointer to watch, so `mobile` adds a fast
 * upward scroll ending near the top, and the tab being hidden after the visitor scrolled or tapped.
 */
export function exitIntent({ signal, fire, ignoreFirstSeconds = 0, mobile }: ExitIntentOptions): void {
  const armedAt = Date.now();
  const maybeFire = () => {
    if (Date.now() - armedAt >= ignoreFirstSeconds * 1000) fire();
  };
  const on = <K extends keyof DocumentEventMap>(target: Document | Window, type: K, listener: (event: DocumentEventMap[K]) => void) =>
    target.addEventListener(type, listener as EventListener, { signal, passive: true });

  on(document, 'mouseout', (event) => {
    // relatedTarget is null only when the pointer left the document, not when it moved between two elements.
    // Chrome and Firefox also report a null relatedTarget when a <select> opens its popup: not an exit.
    if (!event.relatedTarget && event.clientY <= 0 && !(event.target as Element).closest?.('select')) maybeFire();
  });
  if (!mobile) return;
  let engaged = false;
  let lastY = scrollY;
  let lastAt = Date.now();
  on(document, 'pointerdown', () => (engaged = true));
  on(window, 'scroll', () => {
    const now = Date.now();
    const speed = (lastY - scrollY) / Math.max(now - lastAt, 1);
    if (mobile.scrollUp && speed >= FLICK_SPEED && scrollY <= innerHeight * NEAR_TOP) maybeFire();
    if (scrollY !== lastY) engaged = true;
    lastY = scrollY;
    lastAt = now;
  });
  on(document, 'visibilitychange', () => {
    if (mobile.tabHidden && engaged && document.visibilityState === 'hidden') maybeFire();
  });
}
