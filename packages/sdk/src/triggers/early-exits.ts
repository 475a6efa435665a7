/**
 * When a page started watching for exits, and when the pointer last left it through the top edge since then. The
 * script tag arms triggers in idle time, after the config arrived: an exit made before that is kept here, so an
 * exit-intent trigger counts it once armed instead of missing the visitor who left in the first second.
 */
export interface EarlyExits {
  readonly since: number;
  readonly last?: number | undefined;
}

/**
 * The pointer left the page through the top edge, towards the tabs or the address bar. relatedTarget is null only
 * when the pointer left the document, not when it moved between two elements; Chrome and Firefox also report a
 * null relatedTarget when a `<select>` opens its popup, which is not an exit.
 */
export const isTopExit = (event: MouseEvent): boolean => !event.relatedTarget && event.clientY <= 0 && !(event.target as Element).closest?.('select');

/** Starts keeping the time of the last exit, until `signal` aborts: one passive listener, nothing else, at load. */
export function watchEarlyExits(signal: AbortSignal): EarlyExits {
  const exits: { since: number; last?: number } = { since: Date.now() };
  document.addEventListener('mouseout', (event) => isTopExit(event) && (exits.last = Date.now()), { signal, passive: true });
  return exits;
}
