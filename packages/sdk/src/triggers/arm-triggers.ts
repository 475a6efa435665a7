import type { Trigger, TriggerType } from '../schemas/trigger.js';
import { dwell } from './dwell.js';
import { eventTrigger } from './event.js';
import { exitIntent } from './exit-intent.js';

export interface ArmOptions {
  signal: AbortSignal;
  /** Where `track()` calls are dispatched, for event triggers. */
  events: EventTarget;
  fire: (source: TriggerType) => void;
}

/** Arms each of a survey's triggers until `signal` aborts; any one of them firing reports its type. */
export function armTriggers(triggers: readonly Trigger[], { signal, events, fire }: ArmOptions): void {
  for (const trigger of triggers) {
    const options = { signal, fire: () => fire(trigger.type) };
    if (trigger.type === 'exit-intent') exitIntent(options);
    else if (trigger.type === 'dwell') dwell({ ...options, seconds: trigger.seconds });
    else eventTrigger({ ...options, name: trigger.name, events });
  }
}
