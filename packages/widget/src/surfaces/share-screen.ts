/**
 * Closeloop has two surfaces, a survey and the feedback form, and shows one at a time: the one the visitor asked
 * for last is on screen, and the other is set aside (hidden, with everything typed in it kept) until that one
 * closes, then comes back. They live in separate chunks, possibly from separate copies of the widget (script tag
 * and npm build on one page), so they tell each other through events on the document, not shared variables.
 * A survey that opens by itself never sets the form aside: the core drops its trigger while the form is open.
 */
const OPENED = 'closeloop:surface-opened';
/** Dispatched on the document when a surface closes: what waits for a free screen listens for it. */
export const CLOSED = 'closeloop:surface-closed';

/** `surface` is on screen again at the visitor's request: any other surface steps aside. */
export function claimScreen(surface: HTMLElement): void {
  surface.hidden = false;
  surface.ownerDocument.dispatchEvent(new CustomEvent(OPENED, { detail: surface }));
}

/**
 * `surface` opens: others step aside, and from now on it steps aside while another surface is open and comes back
 * when that one closes. Returns what to call when it closes (tells the one it set aside to come back).
 */
export function shareScreen(surface: HTMLElement): () => void {
  const doc = surface.ownerDocument;
  const listening = new AbortController();
  const follow = (type: string, hidden: boolean) =>
    doc.addEventListener(type, (event) => void ((event as CustomEvent).detail !== surface && (surface.hidden = hidden)), { signal: listening.signal });
  follow(OPENED, true);
  follow(CLOSED, false);
  claimScreen(surface);
  return () => {
    listening.abort();
    doc.dispatchEvent(new CustomEvent(CLOSED, { detail: surface }));
  };
}
