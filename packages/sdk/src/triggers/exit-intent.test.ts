import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { restoreVisibility, setVisibility } from '../test-support/visibility.js';
import { watchEarlyExits } from './early-exits.js';
import { exitIntent } from './exit-intent.js';

/** Chromium sends at most one `scroll` event per animation frame while a touch scroll moves the page. */
const FRAME_MS = 16;

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

  /** A touch scroll as Chromium reports it: one `scroll` event a frame, `pxPerMs` upwards, from where it is to `toY`. */
  const glide = (toY: number, pxPerMs: number) => {
    for (let y = scrollY; y > toY; ) {
      vi.advanceTimersByTime(FRAME_MS);
      y = Math.max(toY, y - pxPerMs * FRAME_MS);
      scrollTo(y);
    }
  };
  /**
   * The start of a touch drag after a pause, as Chromium sends it: two `scroll` events `gapMs` apart but `jumpPx`
   * apart in position, which read as 2–9 px/ms between the two alone, however slowly the finger then moves.
   */
  const dragStart = (jumpPx: number, gapMs: number) => {
    scrollTo(scrollY - jumpPx / 2);
    vi.advanceTimersByTime(gapMs);
    scrollTo(scrollY - jumpPx / 2);
  };

  test('mobile scrollUp: a fast flick up to the top fires; a fast one ending far down does not', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(844);
    exitIntent({ signal: controller.signal, fire, mobile: { scrollUp: true, tabHidden: false } });
    scrollTo(4000);
    vi.advanceTimersByTime(2000);
    glide(2400, 4); // a flick, but it ends mid-page
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2000);
    glide(0, 4); // a flick to the top
    expect(fire).toHaveBeenCalled();
  });

  test('mobile scrollUp: slow drags near the top never fire, even when each starts with two events 2 ms and 8 px apart', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(844);
    exitIntent({ signal: controller.signal, fire, mobile: { scrollUp: true, tabHidden: false } });
    scrollTo(237);
    for (const [jumpPx, gapMs, pxPerMs] of [[8, 2, 0.1], [9, 1, 0.19], [5, 3, 0.06], [8, 2, 0.19]] as const) {
      vi.advanceTimersByTime(1500); // the finger lifted and came down again
      dragStart(jumpPx, gapMs);
      glide(scrollY - 40, pxPerMs);
    }
    expect(scrollY).toBeLessThan(100);
    expect(fire).not.toHaveBeenCalled();
  });

  test('mobile scrollUp: speed is measured over at least a tenth of a second, so a short burst up is not a flick', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(844);
    exitIntent({ signal: controller.signal, fire, mobile: { scrollUp: true, tabHidden: false } });
    scrollTo(300);
    vi.advanceTimersByTime(1000);
    glide(200, 3); // 100 px at 3 px/ms: gone in a few frames
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    glide(0, 3); // 200 px at the same speed: over 100 ms of it
    expect(fire).toHaveBeenCalled();
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

describe('exitIntent: prepare', () => {
  const move = (clientY: number, movementY: number) => document.dispatchEvent(new MouseEvent('mousemove', { clientX: 400, clientY, movementY }));

  test('is called while the pointer moves up in the top part of the window, never down or further below', () => {
    const controller = new AbortController();
    const fire = vi.fn();
    const prepare = vi.fn();
    exitIntent({ signal: controller.signal, fire, prepare });
    move(innerHeight * 0.8, -20);
    move(innerHeight * 0.1, 12);
    expect(prepare).not.toHaveBeenCalled();
    move(innerHeight * 0.1, -12);
    expect(prepare).toHaveBeenCalledOnce();
    expect(fire).not.toHaveBeenCalled();
    controller.abort();
    move(10, -12);
    expect(prepare).toHaveBeenCalledOnce();
  });

  test('without prepare, a pointer heading for the top is harmless', () => {
    const controller = new AbortController();
    exitIntent({ signal: controller.signal, fire: vi.fn() });
    expect(() => move(10, -12)).not.toThrow();
    controller.abort();
  });
});

describe('exitIntent: exits before arming (watchEarlyExits)', () => {
  let watching: AbortController;
  let controller: AbortController;
  const fire = vi.fn();
  beforeEach(() => {
    vi.useFakeTimers();
    watching = new AbortController();
    controller = new AbortController();
    fire.mockClear();
  });
  afterEach(() => {
    watching.abort();
    controller.abort();
    vi.useRealTimers();
  });

  test('an exit before the trigger was armed fires once it is, and only then', () => {
    const exits = watchEarlyExits(watching.signal);
    vi.advanceTimersByTime(600);
    pointerOut(0);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(900);
    exitIntent({ signal: controller.signal, fire, exits });
    expect(fire).toHaveBeenCalledOnce();
  });

  test('moves between elements, leaves through a side and into a <select> popup are not kept', () => {
    const exits = watchEarlyExits(watching.signal);
    const select = document.body.appendChild(document.createElement('select'));
    pointerOut(0, document.body, select);
    pointerOut(0, null, select);
    pointerOut(500);
    select.remove();
    exitIntent({ signal: controller.signal, fire, exits });
    expect(fire).not.toHaveBeenCalled();
  });

  test('ignoreFirstSeconds counts from when the page started watching, for early and later exits alike', () => {
    const exits = watchEarlyExits(watching.signal);
    vi.advanceTimersByTime(2000);
    pointerOut(0); // 2 s after arrival: too early for ignoreFirstSeconds 3
    vi.advanceTimersByTime(500);
    exitIntent({ signal: controller.signal, fire, ignoreFirstSeconds: 3, exits });
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500); // 3 s after arrival, 0.5 s after arming
    pointerOut(0);
    expect(fire).toHaveBeenCalledOnce();
  });

  test('stops keeping exits once its signal aborts', () => {
    const exits = watchEarlyExits(watching.signal);
    watching.abort();
    pointerOut(0);
    expect(exits.last).toBeUndefined();
  });
});
