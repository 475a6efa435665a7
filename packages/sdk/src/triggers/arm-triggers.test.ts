import { describe, expect, test, vi } from 'vitest';
import { armTriggers } from './arm-triggers.js';
import { ROUTE_EVENT } from './watch-routes.js';

describe('armTriggers', () => {
  test('each trigger reports its own type and delay, until the signal aborts', () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const events = new EventTarget();
    const routes = new EventTarget();
    const fire = vi.fn();
    armTriggers(
      [
        { type: 'exit-intent' },
        { type: 'dwell', seconds: 1, delaySeconds: 4 },
        { type: 'event', name: 'buy' },
        { type: 'click', selector: 'button' },
        { type: 'visits', pageViews: 1 },
      ],
      { signal: controller.signal, events, routes, counts: () => ({ pageViews: 1, sessions: 1 }), fire },
    );
    const button = document.body.appendChild(document.createElement('button'));
    events.dispatchEvent(new CustomEvent('buy'));
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: null }));
    button.click();
    vi.advanceTimersByTime(1000);
    expect(fire.mock.calls).toEqual([['visits', 0], ['event', 0], ['exit-intent', 0], ['click', 0], ['dwell', 4]]);
    controller.abort();
    events.dispatchEvent(new CustomEvent('buy'));
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: null }));
    button.click();
    routes.dispatchEvent(new Event(ROUTE_EVENT));
    vi.advanceTimersByTime(60_000);
    expect(fire).toHaveBeenCalledTimes(5);
    button.remove();
    vi.useRealTimers();
  });
});
