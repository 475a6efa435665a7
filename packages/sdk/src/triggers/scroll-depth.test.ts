import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { scrollDepth } from './scroll-depth.js';
import { ROUTE_EVENT } from './watch-routes.js';

/** happy-dom does no layout: set the page height and scroll position, then send the event a browser would. */
function scrollTo(y: number, pageHeight = 4000): void {
  Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: pageHeight });
  Object.defineProperty(window, 'scrollY', { configurable: true, value: y });
  window.dispatchEvent(new Event('scroll'));
}

describe('scrollDepth', () => {
  let controller: AbortController;
  const routes = new EventTarget();
  const fire = vi.fn();
  beforeEach(() => {
    controller = new AbortController();
    fire.mockClear();
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(1000);
  });
  afterEach(() => {
    controller.abort();
    vi.restoreAllMocks();
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 0 });
    Reflect.deleteProperty(document.documentElement, 'scrollHeight');
  });

  test('fires once when the bottom of the viewport reaches the percentage', () => {
    scrollDepth({ signal: controller.signal, fire, percent: 60, routes });
    scrollTo(1300); // (1300 + 1000) / 4000 = 57.5 %
    expect(fire).not.toHaveBeenCalled();
    scrollTo(1400); // 60 %
    scrollTo(3000);
    expect(fire).toHaveBeenCalledOnce();
  });

  test('any percentage works, 100 being the very bottom', () => {
    scrollDepth({ signal: controller.signal, fire, percent: 100, routes });
    scrollTo(2999);
    expect(fire).not.toHaveBeenCalled();
    scrollTo(3000);
    expect(fire).toHaveBeenCalledOnce();
  });

  test('a route change re-arms it for the new page; abort removes the listener', () => {
    scrollDepth({ signal: controller.signal, fire, percent: 50, routes });
    scrollTo(2000);
    routes.dispatchEvent(new Event(ROUTE_EVENT));
    scrollTo(2100);
    expect(fire).toHaveBeenCalledTimes(2);
    controller.abort();
    routes.dispatchEvent(new Event(ROUTE_EVENT));
    scrollTo(2200);
    expect(fire).toHaveBeenCalledTimes(2);
  });
});
