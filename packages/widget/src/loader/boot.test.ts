import { createCloseloop } from '@closeloop/sdk';
import type { Closeloop, CloseloopOptions, Presenter } from '@closeloop/sdk';
// The SDK's helper for happy-dom's failed-fetch reports; test support is not part of the SDK's published API.
import { holdBackFetchFailures } from '@closeloop/sdk/testing';
import { openFeedbackForm } from '../feedback/feedback-form.js';
import { boot, type BootDeps } from './boot.js';

type TestWindow = BootDeps['window'];
const win = window as TestWindow;

/** The documented snippet, verbatim in behaviour: queue each call's `arguments` until closeloop.js runs. */
function snippet() {
  win.closeloop =
    win.closeloop ||
    function () {
      const stub = win.closeloop as { q?: unknown[] };
      // Like the real one-liner, this queues the `arguments` object itself, not an array.
      // eslint-disable-next-line prefer-rest-params -- the point is to replay exactly what the snippet stores
      (stub.q = stub.q || []).push(arguments);
    };
  return win.closeloop as (...args: unknown[]) => void;
}

/** A stand-in for the core that records every call in order, so the replay order can be checked exactly. */
function fakeCore() {
  const calls: unknown[][] = [];
  const options: CloseloopOptions[] = [];
  const record = (name: string) => (...args: unknown[]) => {
    calls.push([name, ...args]);
    return name === 'on' ? () => calls.push(['off']) : undefined;
  };
  const create = vi.fn((given: CloseloopOptions): Closeloop => {
    options.push(given);
    return { identify: record('identify'), track: record('track'), on: record('on'), show: record('show'), reset: record('reset'), feedback: (...args: unknown[]) => (calls.push(['feedback', ...args]), true), destroy: record('destroy') } as Closeloop;
  });
  return { calls, options, create };
}

function addScript(attributes: Record<string, string>) {
  const script = document.createElement('script');
  // Not JavaScript, so happy-dom leaves it alone: only its attributes matter here.
  script.type = 'text/plain';
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  document.head.append(script);
  return script;
}

const FILES = { feedbackFile: 'closeloop-feedback-abc123.js', messagesFile: 'closeloop-messages-abc123.js' };

/** Starts the core at once where a page would wait for an idle moment, unless the test holds the start itself. */
const now = (start: () => void) => start();

function run(create: BootDeps['createCloseloop'], load: BootDeps['load'] = vi.fn(), later: BootDeps['later'] = now) {
  boot({ window: win, createCloseloop: create, uiFile: 'closeloop-ui-abc123.js', load, later, ...FILES });
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  delete win.closeloop;
  localStorage.clear();
  document.head.querySelectorAll('script').forEach((script) => script.remove());
  vi.restoreAllMocks();
});

describe('boot (closeloop.js)', () => {
  it('starts the core with the project, the host and a lazy UI beside closeloop.js', async () => {
    addScript({ src: 'https://feedback.example/assets/closeloop.js', 'data-project': 'pk_demo' });
    const core = fakeCore();
    const loadUi = vi.fn(async () => ({ present: vi.fn() }));
    run(core.create, loadUi);

    expect(core.options).toHaveLength(1);
    expect(core.options[0]).toMatchObject({ project: 'pk_demo', host: 'https://feedback.example' });
    expect(loadUi).not.toHaveBeenCalled();
    await (core.options[0]!.present as Presenter)({} as never);
    expect(loadUi).toHaveBeenCalledExactlyOnceWith('https://feedback.example/assets/closeloop-ui-abc123.js');
  });

  it('gives the core a prepare that fetches the UI chunk ahead of a survey, once, and the showing uses it', async () => {
    addScript({ src: 'https://feedback.example/assets/closeloop.js', 'data-project': 'pk_demo' });
    const core = fakeCore();
    const present = vi.fn();
    const load = vi.fn(async () => ({ present }));
    run(core.create, load);
    core.options[0]!.prepare!();
    core.options[0]!.prepare!();
    expect(load).toHaveBeenCalledExactlyOnceWith('https://feedback.example/assets/closeloop-ui-abc123.js');
    await (core.options[0]!.present as Presenter)({} as never);
    expect(load).toHaveBeenCalledOnce();
    expect(present).toHaveBeenCalledOnce();
  });

  it('tells the core the feedback form is open (busy), so a survey trigger never opens over it', async () => {
    addScript({ src: 'https://feedback.example/closeloop.js', 'data-project': 'pk_demo', 'data-feedback-button': 'Feedback' });
    const core = fakeCore();
    const loadFeedback = vi.fn(async () => ({ openFeedbackForm }));
    boot({ window: win, createCloseloop: core.create, uiFile: 'ui.js', feedbackFile: 'feedback.js', messagesFile: 'm.js', load: loadFeedback, later: now });
    const busy = core.options[0]!.busy;
    expect(busy?.()).toBe(false);
    const tab = document.querySelector('closeloop-feedback')!.shadowRoot!.querySelector<HTMLButtonElement>('.tab')!;
    tab.click();
    await vi.waitFor(() => expect(busy?.()).toBe(true));
    document.querySelector('closeloop-feedback')!.shadowRoot!.querySelector<HTMLButtonElement>('button.close')!.click();
    expect(busy?.()).toBe(false);
    document.querySelector('closeloop-feedback')!.remove();
  });

  it('loads the messages chunk beside closeloop.js only when the core has a signed visitor, and counts its panel as busy', async () => {
    addScript({ src: 'https://feedback.example/assets/closeloop.js', 'data-project': 'pk_demo' });
    const core = fakeCore();
    const showMessages = vi.fn();
    const loadMessages = vi.fn(async () => ({ showMessages }));
    boot({ window: win, createCloseloop: core.create, uiFile: 'ui.js', feedbackFile: 'f.js', messagesFile: 'closeloop-messages-abc123.js', load: loadMessages, later: now });
    expect(loadMessages).not.toHaveBeenCalled();

    const visitor = { project: 'pk_demo', host: 'https://feedback.example', userId: 'u1', signature: 'a'.repeat(64) };
    core.options[0]!.signed?.(visitor);
    await vi.waitFor(() => expect(showMessages).toHaveBeenCalledExactlyOnceWith(visitor));
    expect(loadMessages).toHaveBeenCalledExactlyOnceWith('https://feedback.example/assets/closeloop-messages-abc123.js');

    // While the panel's host is in the page, a survey trigger is dropped (the core's busy).
    const busy = core.options[0]!.busy!;
    expect(busy()).toBe(false);
    const panelHost = document.body.appendChild(document.createElement('closeloop-messages'));
    expect(busy()).toBe(true);
    panelHost.remove();
    expect(busy()).toBe(false);
  });

  it('reports a messages chunk that fails to load, and never throws into the page', async () => {
    addScript({ src: 'https://feedback.example/closeloop.js', 'data-project': 'pk_demo' });
    const core = fakeCore();
    const loadMessages = vi.fn(async () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    boot({ window: win, createCloseloop: core.create, uiFile: 'ui.js', feedbackFile: 'f.js', messagesFile: 'm.js', load: loadMessages, later: now });
    expect(() => core.options[0]!.signed?.({ project: 'pk_demo', host: 'https://feedback.example', userId: 'u1', signature: 'a'.repeat(64) })).not.toThrow();
    await vi.waitFor(() => expect(vi.mocked(console.error).mock.calls[0]![0]).toMatch(/could not load the messages/));
  });

  it('replays the queued calls in order, then dispatches new calls straight to the core', () => {
    const closeloop = snippet();
    const handler = () => {};
    closeloop('identify', 'u1', { plan: 'pro' });
    closeloop('on', 'survey:completed', handler);
    closeloop('track', 'checkout');
    closeloop('show', 'nps-q4');
    addScript({ src: 'https://feedback.example/closeloop.js', 'data-project': 'pk_demo' });
    const core = fakeCore();
    run(core.create);

    expect(core.calls).toEqual([
      ['identify', 'u1', { plan: 'pro' }],
      ['on', 'survey:completed', handler],
      ['track', 'checkout'],
      ['show', 'nps-q4'],
    ]);
    const live = win.closeloop as (...args: unknown[]) => unknown;
    expect(live).not.toBe(closeloop);
    live('track', 'paid', { total: 3 });
    expect(core.calls.at(-1)).toEqual(['track', 'paid', { total: 3 }]);
    const off = live('on', 'survey:shown', handler) as () => void;
    off();
    expect(core.calls.at(-1)).toEqual(['off']);
  });

  it('at load starts nothing but the dispatcher: the core, the feedback tab and the queued calls wait for the idle start', () => {
    const closeloop = snippet();
    closeloop('identify', 'u1');
    addScript({ src: 'https://feedback.example/closeloop.js', 'data-project': 'pk_demo', 'data-feedback-button': 'Feedback' });
    const core = fakeCore();
    let idle: (() => void) | undefined;
    run(core.create, vi.fn(), (start) => (idle = start));

    const live = win.closeloop as (...args: unknown[]) => unknown;
    expect(live).not.toBe(closeloop);
    live('track', 'checkout');
    expect(core.create).not.toHaveBeenCalled();
    expect(document.querySelector('closeloop-feedback')).toBeNull();

    idle!();
    expect(core.create).toHaveBeenCalledOnce();
    expect(core.calls).toEqual([
      ['identify', 'u1'],
      ['track', 'checkout'],
    ]);
    expect(document.querySelector('closeloop-feedback')).not.toBeNull();
    live('track', 'paid');
    expect(core.calls.at(-1)).toEqual(['track', 'paid']);
    idle!();
    expect(core.create).toHaveBeenCalledOnce();
    document.querySelector('closeloop-feedback')!.remove();
  });

  it('show() and feedback() before the idle start start the core at once, after the calls that came first', () => {
    addScript({ src: 'https://feedback.example/closeloop.js', 'data-project': 'pk_demo' });
    const core = fakeCore();
    run(core.create, vi.fn(), () => {});
    const live = win.closeloop as (...args: unknown[]) => unknown;
    live('identify', 'u1');
    live('show', 'nps');
    expect(core.calls).toEqual([
      ['identify', 'u1'],
      ['show', 'nps'],
    ]);

    const other = fakeCore();
    delete win.closeloop;
    run(other.create, vi.fn(), () => {});
    expect((win.closeloop as (...args: unknown[]) => unknown)('feedback', { category: 'idea', comment: 'More colours' })).toBe(true);
    expect(other.create).toHaveBeenCalledOnce();
  });

  it('on() before the start returns an unsubscribe that works before the start and after', () => {
    addScript({ src: 'https://feedback.example/closeloop.js', 'data-project': 'pk_demo' });
    const core = fakeCore();
    let idle: (() => void) | undefined;
    run(core.create, vi.fn(), (start) => (idle = start));
    const live = win.closeloop as (...args: unknown[]) => unknown;
    const handler = () => {};
    const dropped = live('on', 'survey:shown', handler) as () => void;
    const kept = live('on', 'survey:completed', handler) as () => void;
    dropped();
    idle!();
    expect(core.calls).toEqual([['on', 'survey:completed', handler]]);
    kept();
    expect(core.calls.at(-1)).toEqual(['off']);
  });

  it('a core that fails to start is reported, and calls never throw into the page', () => {
    addScript({ src: 'https://feedback.example/closeloop.js', 'data-project': 'pk_demo' });
    run(() => {
      throw new Error('no storage');
    });
    expect(vi.mocked(console.error).mock.calls[0]).toEqual(['[closeloop] could not start:', new Error('no storage')]);
    expect(() => (win.closeloop as (...args: unknown[]) => unknown)('show', 'nps')).not.toThrow();
  });

  it('gives the core the exits seen since closeloop.js ran, until its triggers are armed', async () => {
    addScript({ src: 'https://feedback.example/closeloop.js', 'data-project': 'pk_demo' });
    const core = fakeCore();
    let idle: (() => void) | undefined;
    run(core.create, vi.fn(), (start) => (idle = start));
    document.body.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientY: 0, relatedTarget: null }));
    idle!();
    const exits = core.options[0]!.exits!;
    expect(exits.last).toBeGreaterThanOrEqual(exits.since);
  });

  it('warns once for an unknown method and never throws into the page', () => {
    addScript({ src: 'https://feedback.example/closeloop.js', 'data-project': 'pk_demo' });
    const core = fakeCore();
    run(core.create);
    const live = win.closeloop as (...args: unknown[]) => unknown;

    expect(() => live('identfy', 'u1')).not.toThrow();
    expect(console.warn).toHaveBeenCalledOnce();
    expect(vi.mocked(console.warn).mock.calls[0]![0]).toMatch(/closeloop\("identfy", …\) is not a method; use one of identify, track/);
    expect(core.calls).toEqual([]);

    core.calls.push = () => {
      throw new Error('boom');
    };
    expect(() => live('track', 'x')).not.toThrow();
    expect(vi.mocked(console.error).mock.calls[0]![0]).toMatch(/closeloop\("track", …\) failed/);
  });

  it('with no data-project, reports it, starts nothing and leaves the queue untouched', () => {
    const closeloop = snippet();
    closeloop('track', 'checkout');
    addScript({ src: 'https://feedback.example/closeloop.js' });
    const core = fakeCore();
    run(core.create);

    expect(core.create).not.toHaveBeenCalled();
    expect(console.error).toHaveBeenCalledOnce();
    expect(vi.mocked(console.error).mock.calls[0]![0]).toMatch(/data-project/);
    expect(win.closeloop).toBe(closeloop);
  });

  it('runs once when closeloop.js is included twice', () => {
    addScript({ src: 'https://feedback.example/closeloop.js', 'data-project': 'pk_demo' });
    const core = fakeCore();
    run(core.create);
    const live = win.closeloop;
    run(core.create);
    expect(core.create).toHaveBeenCalledOnce();
    expect(win.closeloop).toBe(live);
    expect(console.warn).not.toHaveBeenCalled();
  });

  it('drives the real core from the queue', async () => {
    onTestFinished(holdBackFetchFailures());
    const closeloop = snippet();
    closeloop('show', 'nps-q4');
    // Nothing listens there, so the config load fails fast and the core reports on its console, as in a page.
    addScript({ src: 'http://127.0.0.1:9/closeloop.js', 'data-project': 'pk_demo' });
    run(createCloseloop);

    expect(typeof win.closeloop).toBe('function');
    await vi.waitFor(() => expect(vi.mocked(console.warn).mock.calls.flat().join('\n')).toMatch(/show\("nps-q4"\): no active survey/), { timeout: 4000 });
  });
});
