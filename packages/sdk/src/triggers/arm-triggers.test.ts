import { describe, expect, test, vi } from 'vitest';
import { armTriggers } from './arm-triggers.js';

describe('armTriggers', () => {
  test('each trigger reports its own type, until the signal aborts', () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const events = new EventTarget();
    const fire = vi.fn();
    armTriggers([{ type: 'exit-intent' }, { type: 'dwell', seconds: 1 }, { type: 'event', name: 'buy' }], { signal: controller.signal, events, fire });
    events.dispatchEvent(new Event('buy'));
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: null }));
    vi.advanceTimersByTime(1000);
    expect(fire.mock.calls).toEqual([['event'], ['exit-intent'], ['dwell']]);
    controller.abort();
    events.dispatchEvent(new Event('buy'));
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: null }));
    expect(fire).toHaveBeenCalledTimes(3);
    vi.useRealTimers();
  });
});
