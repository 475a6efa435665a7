import type { Transaction } from 'kysely';
import type { Database } from './database.js';

const pending = new WeakMap<Transaction<Database>, (() => Promise<void>)[]>();

/**
 * Runs `write` inside `trx` just before it commits, for a write that sums up the transaction rather than each step
 * of it: the rows held for one multi-row insert, a team's round-robin cursor after the batch's last routed case. A
 * throw fails the commit, so the whole transaction, like any other statement. Fired by {@link withTransaction}, which
 * every transaction here goes through; callbacks registered by callbacks run too, in the order registered.
 */
export function beforeCommit(trx: Transaction<Database>, write: () => Promise<void>): void {
  const writes = pending.get(trx);
  if (writes) writes.push(write);
  else pending.set(trx, [write]);
}

/** Runs what {@link beforeCommit} registered for `trx`: called by withTransaction right before COMMIT. */
export async function runBeforeCommit(trx: Transaction<Database>): Promise<void> {
  const writes = pending.get(trx);
  if (writes === undefined) return;
  // Read by index: a write may register another, which runs after it.
  for (let i = 0; i < writes.length; i++) await writes[i]!();
  pending.delete(trx);
}
