import type { PropertyFilter } from '../schemas/property-filter.js';
import { matchFilters } from '../targeting/match-filter.js';
import type { TriggerOptions } from './trigger-options.js';

export interface EventTriggerOptions extends TriggerOptions {
  /** The custom event name, as passed to `track()`. */
  name: string;
  /** Tests of the event's properties; all must hold. */
  where?: readonly PropertyFilter[] | undefined;
  /** Where the core dispatches each `track(name, properties)` as a `CustomEvent` of that type, properties in `detail`. */
  events: EventTarget;
}

/** Fires when the host app reports the named custom event with `track(name, properties)` and its properties pass `where`. */
export function eventTrigger({ signal, fire, name, where, events }: EventTriggerOptions): void {
  events.addEventListener(
    name,
    (event) => {
      if (matchFilters(where, (event as CustomEvent<Record<string, unknown> | undefined>).detail)) fire();
    },
    { signal },
  );
}
