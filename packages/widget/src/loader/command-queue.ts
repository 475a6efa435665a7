import type { Closeloop } from '@closeloop/sdk';
import { report } from './report.js';

/** What the snippet leaves on `window.closeloop`: a function that queues its `arguments`. */
export interface QueueingStub {
  (...args: unknown[]): unknown;
  q?: unknown;
}

/** What closeloop.js puts there instead: a function that calls the core at once. */
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

/** `closeloop('track', 'checkout')` → `core.track('checkout')`. Unknown methods warn; nothing throws. */
export function createDispatcher(core: Closeloop, project: string): Dispatcher {
  const dispatch = (method: unknown, ...args: unknown[]): unknown => {
    if (!isMethod(method)) {
      report('warn', `closeloop(${JSON.stringify(method) ?? String(method)}, …) is not a method; use one of ${METHODS.join(', ')}.`);
      return undefined;
    }
    try {
      return (core[method] as (...params: unknown[]) => unknown)(...args);
    } catch (error) {
      report('error', `closeloop("${method}", …) failed:`, error);
      return undefined;
    }
  };
  return Object.assign(dispatch, { loaded: true as const, project });
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
