/** What every trigger factory takes: aborting `signal` removes its listeners and timers for real. */
export interface TriggerOptions {
  signal: AbortSignal;
  /** Called each time the trigger condition is met; the core decides whether a survey shows. */
  fire: () => void;
  /** Called when the condition may be met soon (see `prepare` in CloseloopOptions). */
  prepare?: (() => void) | undefined;
}

/** For triggers that start over on each single-page-app route: where the core reports route changes. */
export interface RouteOptions {
  /** Dispatches `ROUTE_EVENT` (see watch-routes.ts) on each route change. */
  routes: EventTarget;
}
