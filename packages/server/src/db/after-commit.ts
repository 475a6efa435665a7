import type { Transaction } from 'kysely';
import type { Database } from './database.js';

const pending = new WeakMap<Transaction<Database>, (() => void)[]>();

/**
 * Runs `callback` once `trx` has committed (never when it rolls back), for work that must not see uncommitted rows,
 * such as waking the job runner. Fired by {@link withTransaction}; a transaction begun some other way never fires
 * its callbacks, so they may only speed things up (the runner's polling is the fallback).
 */
export function afterCommit(trx: Transaction<Database>, callback: () => void): void {
  const callbacks = pending.get(trx);
  if (callbacks) callbacks.push(callback);
  else pending.set(trx, [callback]);
}

/** The callbacks registered for `trx`, removed: called by withTransaction after the commit. */
export function takeAfterCommit(trx: Transaction<Database>): (() => void)[] {
  const callbacks = pending.get(trx) ?? [];
  pending.delete(trx);
  return callbacks;
}
