import type { Trigger, TriggerType } from '../schemas/trigger.js';
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
}

/** Arms each of a survey's triggers until `signal` aborts; any one of them firing reports its type. */
export function armTriggers(triggers: readonly Trigger[], { signal, events, routes, counts, fire }: ArmOptions): void {
  for (const trigger of triggers) {
    const base = { signal, routes, fire: () => fire(trigger.type, trigger.delaySeconds ?? 0) };
    if (trigger.type === 'exit-intent') exitIntent({ ...base, ...trigger });
    else if (trigger.type === 'dwell') dwell({ ...base, seconds: trigger.seconds });
    else if (trigger.type === 'scroll') scrollDepth({ ...base, percent: trigger.percent });
    else if (trigger.type === 'click') clickTrigger({ ...base, selector: trigger.selector, text: trigger.text });
    else if (trigger.type === 'page-view') pageView({ ...base, urls: trigger.urls });
    else if (trigger.type === 'visits') visits({ ...base, ...trigger, counts });
    else eventTrigger({ ...base, name: trigger.name, where: trigger.where, events });
  }
}
