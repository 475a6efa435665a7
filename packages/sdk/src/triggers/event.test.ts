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

  test('with filters, only when every filter holds on the properties', () => {
    const events = new EventTarget();
    const fire = vi.fn();
    const where = [
      { property: 'total', op: 'gt' as const, value: 100 },
      { property: 'currency', op: 'in' as const, value: ['EUR', 'USD'] },
    ];
    eventTrigger({ signal: new AbortController().signal, fire, name: 'checkout_completed', where, events });
    const send = (detail?: Record<string, unknown>) => events.dispatchEvent(new CustomEvent('checkout_completed', { detail }));
    send({ total: 100, currency: 'EUR' });
    send({ total: 120, currency: 'GBP' });
    send();
    expect(fire).not.toHaveBeenCalled();
    send({ total: 120, currency: 'USD' });
    expect(fire).toHaveBeenCalledOnce();
  });
});
