export { backoffDelay } from './backoff.js';
export { createOutbox, type Outbox, type OutboxOptions } from './outbox.js';
