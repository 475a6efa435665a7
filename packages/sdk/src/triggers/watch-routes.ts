/** The event `watchRoutes` dispatches on its target each time the single-page app shows another URL. */
export const ROUTE_EVENT = 'closeloop:route';

type HistoryMethod = 'pushState' | 'replaceState';

/**
 * Reports single-page-app route changes (a new `location.href`) as `ROUTE_EVENT` on `target`, until `signal`
 * aborts. Uses the Navigation API where the browser has it; elsewhere it wraps `history.pushState`/`replaceState`
 * (calling whatever was there, so other scripts that patch history keep working) and listens to `popstate` and
 * `hashchange`. On abort a wrapper is put back only if it is still the one installed: another script may have
 * wrapped ours since, and unwrapping under it would cut it off.
 */
export function watchRoutes(target: EventTarget, signal: AbortSignal, win: Window = window): void {
  let last = win.location.href;
  const check = () => {
    if (signal.aborted || win.location.href === last) return;
    last = win.location.href;
    target.dispatchEvent(new Event(ROUTE_EVENT));
  };
  const navigation = (win as { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('currententrychange', check, { signal });
    return;
  }
  for (const name of ['pushState', 'replaceState'] as HistoryMethod[]) {
    const history = win.history;
    const original = history[name];
    const wrapper = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      check();
      return result;
    };
    history[name] = wrapper;
    signal.addEventListener('abort', () => {
      if (history[name] === wrapper) history[name] = original;
    });
  }
  win.addEventListener('popstate', check, { signal });
  win.addEventListener('hashchange', check, { signal });
}
