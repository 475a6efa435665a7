import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { restoreVisibility, setVisibility } from '../test-support/visibility.js';
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

  test('a pointer leaving into a <select> popup is not an exit', () => {
    const select = document.body.appendChild(document.createElement('select'));
    pointerOut(0, null, select);
    select.remove();
    expect(fire).not.toHaveBeenCalled();
  });
});

describe('exitIntent options', () => {
  const fire = vi.fn();
  let controller: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    fire.mockClear();
  });
  afterEach(() => {
    controller.abort();
    restoreVisibility();
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 0 });
    vi.useRealTimers();
  });
  const scrollTo = (y: number) => {
    Object.defineProperty(window, 'scrollY', { configurable: true, value: y });
    window.dispatchEvent(new Event('scroll'));
  };

  test('ignoreFirstSeconds: leaves right after arrival do not count', () => {
    exitIntent({ signal: controller.signal, fire, ignoreFirstSeconds: 5 });
    vi.advanceTimersByTime(4999);
    pointerOut(0);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    pointerOut(0);
    expect(fire).toHaveBeenCalledOnce();
  });

  test('mobile scrollUp: a fast upward scroll ending near the top fires; a slow one or one far down does not', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(800);
    exitIntent({ signal: controller.signal, fire, mobile: { scrollUp: true, tabHidden: false } });
    scrollTo(3000);
    vi.advanceTimersByTime(100);
    scrollTo(1500); // fast, but far from the top
    vi.advanceTimersByTime(5000);
    scrollTo(200); // near the top, but slowly (0.26 px/ms)
    expect(fire).not.toHaveBeenCalled();
    scrollTo(2000);
    vi.advanceTimersByTime(100);
    scrollTo(100); // 19 px/ms, ending within the top 30 %
    expect(fire).toHaveBeenCalledOnce();
  });

  test('mobile tabHidden: the tab hidden after the visitor engaged fires; hidden before any engagement does not', () => {
    exitIntent({ signal: controller.signal, fire, mobile: { scrollUp: false, tabHidden: true } });
    setVisibility('hidden');
    expect(fire).not.toHaveBeenCalled();
    setVisibility('visible');
    document.dispatchEvent(new Event('pointerdown'));
    setVisibility('hidden');
    expect(fire).toHaveBeenCalledOnce();
  });

  test('without mobile, neither scroll nor a hidden tab fires, and abort removes every listener', () => {
    exitIntent({ signal: controller.signal, fire });
    scrollTo(2000);
    vi.advanceTimersByTime(10);
    scrollTo(0);
    setVisibility('hidden');
    expect(fire).not.toHaveBeenCalled();
    controller.abort();
    const other = new AbortController();
    exitIntent({ signal: other.signal, fire: vi.fn(), mobile: { scrollUp: true, tabHidden: true } });
    other.abort();
    document.dispatchEvent(new Event('pointerdown'));
    setVisibility('visible');
    setVisibility('hidden');
    pointerOut(0);
    expect(fire).not.toHaveBeenCalled();
  });
});
