import type { TriggerOptions } from './trigger-options.js';

/**
 * Desktop exit intent: the pointer leaves the page through the top edge of the viewport, towards the tabs or the
 * address bar. Leaving through a side or the bottom (a second screen, the taskbar) is not an exit.
 */
export function exitIntent({ signal, fire }: TriggerOptions): void {
  document.addEventListener(
    'mouseout',
    (event) => {
      // relatedTarget is null only when the pointer left the document, not when it moved between two elements.
      if (!event.relatedTarget && event.clientY <= 0) fire();
    },
    { signal },
  );
}
