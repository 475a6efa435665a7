import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { restoreVisibility, setVisibility } from '../test-support/visibility.js';
import { dwell } from './dwell.js';
import { ROUTE_EVENT } from './watch-routes.js';

describe('dwell', () => {
  let controller: AbortController;
  const routes = new EventTarget();
  const fire = vi.fn();
  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    fire.mockClear();
  });
  afterEach(() => {
    controller.abort();
    restoreVisibility();
    vi.useRealTimers();
  });
  const arm = (seconds: number) => dwell({ signal: controller.signal, fire, seconds, routes });

  test('fires once after the given seconds on a visible page', () => {
    arm(5);
    vi.advanceTimersByTime(4999);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(60_000);
    expect(fire).toHaveBeenCalledOnce();
  });

  test('prepares the survey three seconds before it fires, so its UI is there in time, and not once disarmed', () => {
    const prepare = vi.fn();
    dwell({ signal: controller.signal, fire, prepare, seconds: 20, routes });
    vi.advanceTimersByTime(16_999);
    expect(prepare).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(prepare).toHaveBeenCalledOnce();
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(3000);
    expect(fire).toHaveBeenCalledOnce();

    // A visitor who leaves for another route before then: the survey's trigger is disarmed, nothing loads.
    const later = new AbortController();
    const prepareLater = vi.fn();
    dwell({ signal: later.signal, fire, prepare: prepareLater, seconds: 20, routes });
    vi.advanceTimersByTime(10_000);
    later.abort();
    vi.advanceTimersByTime(60_000);
    expect(prepareLater).not.toHaveBeenCalled();
  });

  test('counts only the time the tab is visible', () => {
    arm(5);
    vi.advanceTimersByTime(3000);
    setVisibility('hidden');
    vi.advanceTimersByTime(600_000);
    expect(fire).not.toHaveBeenCalled();
    setVisibility('visible');
    vi.advanceTimersByTime(1999);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledOnce();
  });

  test('armed in a background tab, starts counting when the tab is shown', () => {
    setVisibility('hidden');
    arm(2);
    vi.advanceTimersByTime(10_000);
    expect(fire).not.toHaveBeenCalled();
    setVisibility('visible');
    vi.advanceTimersByTime(2000);
    expect(fire).toHaveBeenCalledOnce();
  });

  test('a route change starts the count again, and it can fire again on the new route', () => {
    arm(5);
    vi.advanceTimersByTime(4000);
    routes.dispatchEvent(new Event(ROUTE_EVENT));
    vi.advanceTimersByTime(4999);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledOnce();
    routes.dispatchEvent(new Event(ROUTE_EVENT));
    vi.advanceTimersByTime(5000);
    expect(fire).toHaveBeenCalledTimes(2);
  });

  test('once aborted, leaves no timer and ignores visibility changes', () => {
    arm(5);
    vi.advanceTimersByTime(1000);
    controller.abort();
    expect(vi.getTimerCount()).toBe(0);
    setVisibility('hidden');
    setVisibility('visible');
    routes.dispatchEvent(new Event(ROUTE_EVENT));
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(fire).not.toHaveBeenCalled();
  });
});
