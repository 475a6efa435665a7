import { FEEDBACK_HOST_TAG } from '../feedback/mount-feedback-tab.js';
import { CARD_UP_ATTRIBUTE } from './room-for-both.js';

/**
 * The window edge the page's feedback tab sits on, or null (no tab, or the tab is a corner pill). A survey card in
 * the corner on that side keeps clear of it: on a laptop a card of two or three steps is taller than half the window,
 * and it covered the tab that sets the survey aside (share-screen.ts). Read from the DOM, so it holds for a tab of
 * another copy of the widget (script tag and npm build on one page).
 */
export function edgeTabSide(doc: Document): 'left' | 'right' | null {
  const classes = doc.querySelector(FEEDBACK_HOST_TAG)?.shadowRoot?.querySelector('.tab')?.classList;
  return classes?.contains('right') ? 'right' : classes?.contains('left') ? 'left' : null;
}

/** The window edge a floating card's corner is on: `bottom-right` is where lines end, so the left in right-to-left. */
export function cardSide(placement: string, rtl: boolean): 'left' | 'right' | null {
  if (placement === 'bottom-right') return rtl ? 'left' : 'right';
  if (placement === 'bottom-left') return rtl ? 'right' : 'left';
  return null;
}

/**
 * Marks the page's feedback tab while a floating survey card is on screen, so on a phone the tab steps aside instead
 * of peeking out from under the card (tab-css.ts); returns what to call when the card closes.
 */
export function cardUp(doc: Document): () => void {
  const host = doc.querySelector(FEEDBACK_HOST_TAG);
  host?.setAttribute(CARD_UP_ATTRIBUTE, '');
  return () => host?.removeAttribute(CARD_UP_ATTRIBUTE);
}
