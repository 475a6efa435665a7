/** A view renders into the main element; it may return a teardown run before the next view. */
export type View = (main: HTMLElement, params: Record<string, string>) => void | (() => void);

export interface Route {
  pattern: RegExp;
  view: View;
}

/**
 * A history-API router: links marked `data-link` navigate with `pushState`, back/forward with `popstate`. This is
 * what the SDK's SPA support has to see through: no full page load between routes.
 */
export function startRouter(main: HTMLElement, routes: Route[], notFound: View): { navigate(path: string): void } {
  let teardown: void | (() => void);

  function render(): void {
    teardown?.();
    const path = window.location.pathname;
    const route = routes.find((r) => r.pattern.test(path));
    const params = route?.pattern.exec(path)?.groups ?? {};
    main.replaceChildren();
    teardown = (route?.view ?? notFound)(main, params);
    window.scrollTo(0, 0);
    main.focus({ preventScroll: true });
  }

  function navigate(path: string): void {
    if (path === window.location.pathname) return;
    history.pushState(null, '', path);
    render();
  }

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-link]') : null;
    if (!link || link.origin !== window.location.origin) return;
    event.preventDefault();
    navigate(link.pathname);
  });
  window.addEventListener('popstate', render);
  render();
  return { navigate };
}
