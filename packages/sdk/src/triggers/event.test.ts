import { describe, expect, test, vi } from 'vitest';
import { eventTrigger } from './event.js';

describe('eventTrigger', () => {
  test('fires on each matching event and on no other', () => {
    const events = new EventTarget();
    const controller = new AbortController();
    const fire = vi.fn();
    eventTrigger({ signal: controller.signal, fire, name: 'checkout:done', events });
    events.dispatchEvent(new Event('checkout:started'));
    expect(fire).not.toHaveBeenCalled();
    events.dispatchEvent(new Event('checkout:done'));
    events.dispatchEvent(new Event('checkout:done'));
    expect(fire).toHaveBeenCalledTimes(2);
    controller.abort();
    events.dispatchEvent(new Event('checkout:done'));
    expect(fire).toHaveBeenCalledTimes(2);
  });
});
