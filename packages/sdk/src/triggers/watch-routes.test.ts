import { afterEach, describe, expect, test, vi } from 'vitest';
import { ROUTE_EVENT, watchRoutes } from './watch-routes.js';

describe('watchRoutes (history fallback: happy-dom has no Navigation API)', () => {
  const pristine = { push: history.pushState, replace: history.replaceState };
  afterEach(() => {
    history.pushState = pristine.push;
    history.replaceState = pristine.replace;
    history.replaceState(null, '', '/');
  });
  const watch = () => {
    const target = new EventTarget();
    const seen = vi.fn();
    target.addEventListener(ROUTE_EVENT, seen);
    const controller = new AbortController();
    watchRoutes(target, controller.signal);
    return { seen, controller };
  };

  test('reports pushState, replaceState, popstate and hashchange once per new URL', () => {
    const { seen, controller } = watch();
    history.pushState(null, '', '/a');
    history.replaceState(null, '', '/a'); // same URL: not a new route
    history.replaceState(null, '', '/b');
    history.pushState(null, '', '/c');
    history.replaceState(null, '', '/d');
    window.dispatchEvent(new PopStateEvent('popstate'));
    location.hash = '#x';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(seen).toHaveBeenCalledTimes(5);
    controller.abort();
  });

  test('keeps another script that patches history working, before and after it, and restores only its own wrapper', () => {
    const theirs = vi.fn();
    // A router that patched history before us.
    const beforeUs = history.pushState;
    history.pushState = function (...args: Parameters<History['pushState']>) {
      theirs('before');
      return beforeUs.apply(this, args);
    };
    const { seen, controller } = watch();
    // An analytics script that patches after us.
    const ours = history.pushState;
    history.pushState = function (...args: Parameters<History['pushState']>) {
      theirs('after');
      return ours.apply(this, args);
    };
    const afterUs = history.pushState;
    history.pushState(null, '', '/x');
    expect(theirs.mock.calls).toEqual([['after'], ['before']]);
    expect(seen).toHaveBeenCalledOnce();
    expect(location.pathname).toBe('/x');

    controller.abort();
    // Ours is wrapped by theirs, so it stays in place (unwrapping would cut the later script off), but is silent.
    expect(history.pushState).toBe(afterUs);
    history.pushState(null, '', '/y');
    expect(seen).toHaveBeenCalledOnce();
    expect(theirs).toHaveBeenCalledTimes(4);
  });

  test('destroy puts the original methods back when nobody wrapped them since, and leaves no listener', () => {
    const original = { push: history.pushState, replace: history.replaceState };
    const { seen, controller } = watch();
    expect(history.pushState).not.toBe(original.push);
    controller.abort();
    expect(history.pushState).toBe(original.push);
    expect(history.replaceState).toBe(original.replace);
    window.dispatchEvent(new PopStateEvent('popstate'));
    history.pushState(null, '', '/z');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(seen).not.toHaveBeenCalled();
  });

  test('uses the Navigation API where the browser has one, and leaves history alone', () => {
    const navigation = new EventTarget();
    const win = { location: { href: 'https://a.example/' }, navigation, history, addEventListener: vi.fn() } as unknown as Window;
    const target = new EventTarget();
    const seen = vi.fn();
    target.addEventListener(ROUTE_EVENT, seen);
    const controller = new AbortController();
    const push = history.pushState;
    watchRoutes(target, controller.signal, win);
    expect(history.pushState).toBe(push);
    (win.location as { href: string }).href = 'https://a.example/next';
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(seen).toHaveBeenCalledOnce();
    controller.abort();
    (win.location as { href: string }).href = 'https://a.example/again';
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(seen).toHaveBeenCalledOnce();
  });
});
