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
 * the click. A selector this browser cannot parse disarms the trigger with one warning. The pointer coming over
 * such an element (a finger's touch included) calls `prepare`: the click may follow, and the survey's UI loads
 * while the visitor's hand is still on the way instead of after the click.
 */
export function clickTrigger({ signal, fire, prepare, selector, text }: ClickOptions): void {
  try {
    document.querySelector(selector);
  } catch {
    warn(`click trigger ignored: bad selector ${selector}`);
    return;
  }
  const needle = text?.toLowerCase();
  const on = (type: 'click' | 'pointerover', then?: () => void) =>
    document.addEventListener(
      type,
      (event) => {
        const target = event.target;
        const element = target instanceof Element ? target.closest(selector) : null;
        if (element && (!needle || (element.textContent ?? '').toLowerCase().includes(needle))) then?.();
      },
      { signal, capture: true },
    );
  on('click', fire);
  on('pointerover', prepare);
}
