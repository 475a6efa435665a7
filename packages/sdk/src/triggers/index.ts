export { armTriggers, type ArmOptions } from './arm-triggers.js';
export { dwell, type DwellOptions } from './dwell.js';
export { eventTrigger, type EventTriggerOptions } from './event.js';
export { exitIntent } from './exit-intent.js';
export type { TriggerOptions } from './trigger-options.js';
