import { afterEach, describe, expect, test, vi } from 'vitest';
import { pageView } from './page-view.js';
import { ROUTE_EVENT } from './watch-routes.js';

describe('pageView', () => {
  const controller = new AbortController();
  const routes = new EventTarget();
  afterEach(() => history.replaceState(null, '', '/'));

  test('fires on arming when the URL matches, then on each matching route, until aborted', () => {
    history.replaceState(null, '', '/checkout/done?order=7');
    const fire = vi.fn();
    pageView({ signal: controller.signal, fire, routes, urls: { match: 'any', rules: [{ op: 'glob', value: '/checkout/*', on: 'path' }] } });
    expect(fire).toHaveBeenCalledOnce();
    history.replaceState(null, '', '/cart');
    routes.dispatchEvent(new Event(ROUTE_EVENT));
    expect(fire).toHaveBeenCalledOnce();
    history.replaceState(null, '', '/checkout/again');
    routes.dispatchEvent(new Event(ROUTE_EVENT));
    expect(fire).toHaveBeenCalledTimes(2);
    controller.abort();
    routes.dispatchEvent(new Event(ROUTE_EVENT));
    expect(fire).toHaveBeenCalledTimes(2);
  });
});
