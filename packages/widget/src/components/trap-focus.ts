const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),textarea:not([disabled]),[tabindex="0"]';

/**
 * Keeps Tab inside a modal card: from the last control Tab wraps to the first, and Shift+Tab the other way. The
 * page behind a modal is dimmed and out of reach, so focus leaving the card would be lost.
 */
export function trapFocus(event: KeyboardEvent, card: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const controls = [...card.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0);
  const first = controls[0];
  const last = controls.at(-1);
  const active = (card.getRootNode() as Document | ShadowRoot).activeElement;
  if (event.shiftKey ? active === first || active === card : active === last) {
    event.preventDefault();
    (event.shiftKey ? last : first)?.focus();
  }
}
