import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { clickTrigger } from './click.js';

describe('clickTrigger', () => {
  let controller: AbortController;
  const fire = vi.fn();
  beforeEach(() => {
    controller = new AbortController();
    fire.mockClear();
    document.body.innerHTML = '<a class="plan" href="#"><span>Upgrade to Pro</span></a><a class="plan" href="#">Downgrade</a><p>Other</p>';
  });
  afterEach(() => {
    controller.abort();
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });
  const [upgrade, downgrade] = [() => document.querySelector('span') as HTMLElement, () => document.querySelectorAll('a')[1] as HTMLElement];

  test('fires on a click on a matching element or inside one, even one added later', () => {
    clickTrigger({ signal: controller.signal, fire, selector: '.plan' });
    upgrade().click();
    document.querySelector('p')?.click();
    expect(fire).toHaveBeenCalledOnce();
    const late = document.body.appendChild(document.createElement('button'));
    late.className = 'plan';
    late.click();
    expect(fire).toHaveBeenCalledTimes(2);
  });

  test('with text, only an element whose text contains it (any case)', () => {
    clickTrigger({ signal: controller.signal, fire, selector: 'a.plan', text: 'upgrade' });
    downgrade().click();
    expect(fire).not.toHaveBeenCalled();
    upgrade().click();
    expect(fire).toHaveBeenCalledOnce();
  });

  test('a host handler that stops propagation does not hide the click', () => {
    upgrade().addEventListener('click', (event) => event.stopPropagation());
    clickTrigger({ signal: controller.signal, fire, selector: '.plan' });
    upgrade().click();
    expect(fire).toHaveBeenCalledOnce();
  });

  test('a selector the browser refuses disarms it with one warning, and nothing throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => clickTrigger({ signal: controller.signal, fire, selector: 'a[href' })).not.toThrow();
    upgrade().click();
    expect(fire).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledOnce();
  });

  test('the pointer coming over a matching element prepares the survey, before any click', () => {
    const prepare = vi.fn();
    clickTrigger({ signal: controller.signal, fire, prepare, selector: 'a.plan', text: 'upgrade' });
    const over = (element: Element) => element.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    over(document.querySelector('p')!);
    over(downgrade());
    expect(prepare).not.toHaveBeenCalled();
    over(upgrade());
    expect(prepare).toHaveBeenCalledOnce();
    expect(fire).not.toHaveBeenCalled();
  });

  test('leaves no listener once aborted', () => {
    const prepare = vi.fn();
    clickTrigger({ signal: controller.signal, fire, prepare, selector: '.plan' });
    controller.abort();
    upgrade().click();
    upgrade().dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    expect(fire).not.toHaveBeenCalled();
    expect(prepare).not.toHaveBeenCalled();
  });
});
