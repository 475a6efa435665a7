import { describe, expect, test, vi } from 'vitest';
import { visits } from './visits.js';
import { ROUTE_EVENT } from './watch-routes.js';

describe('visits', () => {
  test('fires from the Nth page view on, checked on arming and on each route', () => {
    let counts = { pageViews: 2, sessions: 1 };
    const routes = new EventTarget();
    const controller = new AbortController();
    const fire = vi.fn();
    visits({ signal: controller.signal, fire, routes, pageViews: 3, counts: () => counts });
    expect(fire).not.toHaveBeenCalled();
    counts = { pageViews: 3, sessions: 1 };
    routes.dispatchEvent(new Event(ROUTE_EVENT));
    expect(fire).toHaveBeenCalledOnce();
    controller.abort();
    routes.dispatchEvent(new Event(ROUTE_EVENT));
    expect(fire).toHaveBeenCalledOnce();
  });

  test('or from the Nth session', () => {
    const fire = vi.fn();
    visits({ signal: new AbortController().signal, fire, routes: new EventTarget(), sessions: 2, counts: () => ({ pageViews: 40, sessions: 2 }) });
    expect(fire).toHaveBeenCalledOnce();
  });
});
