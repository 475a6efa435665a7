/** What every trigger factory takes: aborting `signal` removes its listeners and timers for real. */
export interface TriggerOptions {
  signal: AbortSignal;
  /** Called each time the trigger condition is met; the core decides whether a survey shows. */
  fire: () => void;
}
