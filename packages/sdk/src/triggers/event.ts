import type { TriggerOptions } from './trigger-options.js';

export interface EventTriggerOptions extends TriggerOptions {
  /** The custom event name, as passed to `track()`. */
  name: string;
  /** Where the core dispatches each `track(name)` as an `Event` of that type. */
  events: EventTarget;
}

/** Fires when the host app reports the named custom event with `track(name)`. */
export function eventTrigger({ signal, fire, name, events }: EventTriggerOptions): void {
  events.addEventListener(name, () => fire(), { signal });
}
