import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { exitIntent } from './exit-intent.js';

/** The event a browser sends when the pointer crosses out of `from`; `to` is null when it left the page. */
function pointerOut(clientY: number, to: Element | null = null, from: Element = document.body): void {
  from.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientX: 400, clientY, relatedTarget: to }));
}

describe('exitIntent', () => {
  let controller: AbortController;
  const fire = vi.fn();
  beforeEach(() => {
    controller = new AbortController();
    fire.mockClear();
    exitIntent({ signal: controller.signal, fire });
  });
  afterEach(() => controller.abort());

  test('fires when the pointer leaves the page through the top edge', () => {
    pointerOut(0);
    pointerOut(-3);
    expect(fire).toHaveBeenCalledTimes(2);
  });

  test('does not fire when the pointer leaves through a side or the bottom', () => {
    pointerOut(300);
    pointerOut(899);
    expect(fire).not.toHaveBeenCalled();
  });

  test('does not fire when the pointer moves between elements near the top', () => {
    const header = document.createElement('header');
    document.body.append(header);
    pointerOut(0, header);
    header.remove();
    expect(fire).not.toHaveBeenCalled();
  });

  test('leaves no listener once aborted', () => {
    controller.abort();
    pointerOut(0);
    expect(fire).not.toHaveBeenCalled();
  });
});
