import { warn } from '../core/warn.js';
import type { TriggerOptions } from './trigger-options.js';

export interface ClickOptions extends TriggerOptions {
  /** CSS selector of the element clicked, or one of its ancestors (`closest()`): `.upgrade`, `a[href$=".pdf"]`. */
  selector: string;
  /** When given, the matched element's text must contain it (case-insensitive). */
  text?: string | undefined;
}

/**
 * Fires on a click on an element matching `selector` (or inside one), delegated from the document so elements
 * added later count too. Listens in the capture phase, so a host handler that stops propagation does not hide
 * the click. A selector this browser cannot parse disarms the trigger with one warning.
 */
export function clickTrigger({ signal, fire, selector, text }: ClickOptions): void {
  try {
    document.querySelector(selector);
  } catch {
    warn(`click trigger ignored: bad selector ${selector}`);
    return;
  }
  const needle = text?.toLowerCase();
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target;
      const element = target instanceof Element ? target.closest(selector) : null;
      if (element && (!needle || (element.textContent ?? '').toLowerCase().includes(needle))) fire();
    },
    { signal, capture: true },
  );
}
