import type { Closeloop } from '@closeloop/sdk';
import { report } from './report.js';

/** What the snippet leaves on `window.closeloop`: a function that queues its `arguments`. */
export interface QueueingStub {
  (...args: unknown[]): unknown;
  q?: unknown;
}

/** What closeloop.js puts there instead: a function that calls the core, or keeps the call until it starts. */
export interface Dispatcher {
  (method: unknown, ...args: unknown[]): unknown;
  /** Marks the real thing, so a second copy of closeloop.js leaves it alone. */
  readonly loaded: true;
  readonly project: string;
}

export const METHODS = ['identify', 'track', 'on', 'show', 'reset', 'feedback', 'destroy'] as const;
type Method = (typeof METHODS)[number];
// Held equal to the core's API at compile time: a method added to Closeloop fails here until it is listed.
type CoreMethod = { [K in keyof Closeloop]-?: NonNullable<Closeloop[K]> extends (...args: never[]) => unknown ? K : never }[keyof Closeloop];
type Unlisted = Exclude<CoreMethod, Method>;
const everyMethodListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyMethodListed;

const isMethod = (name: unknown): name is Method => typeof name === 'string' && (METHODS as readonly string[]).includes(name);

export interface Dispatching {
  /** What `window.closeloop` is from the moment closeloop.js runs. */
  dispatch: Dispatcher;
  /** Starts the core (at most once) and runs the calls that waited for it, oldest first. */
  start: () => void;
}

/**
 * `closeloop('track', 'checkout')` → `core.track('checkout')`. Until the core starts (closeloop.js starts it in idle
 * time) each call waits, in order, behind the ones the snippet queued (`queued`), and runs when it does. Two start it
 * at once: `show`, as the page wants a survey now, and `feedback`, whose answer (queued or not) the caller reads.
 * `on` returns an unsubscribe that works before the start and after. Unknown methods warn; nothing throws.
 */
export function createDispatcher(project: string, queued: unknown[][], create: () => Closeloop): Dispatching {
  let core: Closeloop | undefined;
  const waiting: Array<() => void> = [];
  const call = (method: unknown, args: unknown[]): unknown => {
    if (!isMethod(method)) {
      report('warn', `closeloop(${JSON.stringify(method) ?? String(method)}, …) is not a method; use one of ${METHODS.join(', ')}.`);
      return undefined;
    }
    try {
      return (core![method] as (...params: unknown[]) => unknown)(...args);
    } catch (error) {
      report('error', `closeloop("${method}", …) failed:`, error);
      return undefined;
    }
  };
  const wait = ([method, ...args]: unknown[]) => {
    let off: unknown;
    let dropped = false;
    waiting.push(() => dropped || (off = call(method, args)));
    if (method === 'on')
      return () => {
        dropped = true;
        if (typeof off === 'function') off();
      };
  };
  const start = () => {
    try {
      core ??= create();
    } catch (error) {
      // The calls wait on; the page sees the error in the console only.
      return report('error', 'could not start:', error);
    }
    // Emptied first: a call made from inside a replayed one (an `on` handler, say) reaches the core at once.
    for (const run of waiting.splice(0)) run();
  };
  queued.forEach(wait);
  const dispatch = (method: unknown, ...args: unknown[]): unknown => {
    if (!core && (method === 'show' || method === 'feedback')) start();
    return core ? call(method, args) : wait([method, ...args]);
  };
  return { dispatch: Object.assign(dispatch, { loaded: true as const, project }), start };
}

/** The calls the snippet queued, oldest first, as argument lists; anything that is not one is dropped. */
export function queuedCalls(stub: unknown): unknown[][] {
  const queue = typeof stub === 'function' ? (stub as QueueingStub).q : undefined;
  if (!Array.isArray(queue)) return [];
  return queue.filter((entry) => entry != null && typeof entry === 'object' && 'length' in entry).map((entry) => Array.from(entry as ArrayLike<unknown>));
}

export function isDispatcher(value: unknown): value is Dispatcher {
  return typeof value === 'function' && (value as Partial<Dispatcher>).loaded === true;
}
