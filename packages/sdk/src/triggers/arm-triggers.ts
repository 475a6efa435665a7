import type { Trigger, TriggerType } from '../schemas/trigger.js';
import type { EarlyExits } from './early-exits.js';
import { clickTrigger } from './click.js';
import { dwell } from './dwell.js';
import { eventTrigger } from './event.js';
import { exitIntent } from './exit-intent.js';
import { pageView } from './page-view.js';
import { scrollDepth } from './scroll-depth.js';
import type { VisitCounts } from './visits.js';
import { visits } from './visits.js';

export interface ArmOptions {
  signal: AbortSignal;
  /** Where `track()` calls are dispatched, for event triggers. */
  events: EventTarget;
  /** Where route changes are reported, for the triggers that start over on a new route. */
  routes: EventTarget;
  /** The visitor's page views and sessions so far, for visits triggers. */
  counts: () => VisitCounts;
  /** `delaySeconds` is the trigger's own: the core waits that long before it shows the survey. */
  fire: (source: TriggerType, delaySeconds: number) => void;
  /** Passed to each trigger: a survey may show soon. */
  prepare?: (() => void) | undefined;
  /** Exits seen before arming, for exit-intent triggers (see early-exits.ts). */
  exits?: EarlyExits | undefined;
}

/** Everything a trigger factory may take: the trigger's own fields plus what the core shares with all of them. */
type Armed<T> = T & Omit<ArmOptions, 'fire'> & { fire: () => void };

/** Each trigger type's factory. Each takes the whole trigger and the shared options, and reads only its fields. */
const FACTORIES: { [T in Trigger as T['type']]: (options: Armed<T>) => void } = {
  'exit-intent': exitIntent,
  dwell,
  scroll: scrollDepth,
  click: clickTrigger,
  'page-view': pageView,
  event: eventTrigger,
  visits,
};

/** Arms each of a survey's triggers until `signal` aborts; any one of them firing reports its type. */
export function armTriggers(triggers: readonly Trigger[], { fire, ...shared }: ArmOptions): void {
  for (const trigger of triggers) {
    // TypeScript cannot tie FACTORIES[trigger.type] to this trigger's own type (a correlated union), hence the cast.
    const arm = FACTORIES[trigger.type] as ((options: Armed<Trigger>) => void) | undefined;
    arm?.({ ...trigger, ...shared, fire: () => fire(trigger.type, trigger.delaySeconds ?? 0) });
  }
}
