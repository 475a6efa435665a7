import type { Transaction } from 'kysely';
import type { Database } from './database.js';

type Write = () => Promise<void>;

/** A transaction's writes waiting for its commit: `last` ones run once no other is left. */
const pending = new WeakMap<Transaction<Database>, { writes: Write[]; last: Write[] }>();

/**
 * Runs `write` inside `trx` just before it commits, for a write that sums up the transaction rather than each step
 * of it: the rows held for one multi-row statement, a team's round-robin cursor after the batch's last routed case. A
 * throw fails the commit, so the whole transaction, like any other statement. Fired by {@link withTransaction}, which
 * every transaction here goes through; callbacks registered by callbacks run too, in the order registered. `last`
 * runs a write after every other, those registered meanwhile included: the flush of the held rows, so that what the
 * other writes hold goes out in the same statement.
 */
export function beforeCommit(trx: Transaction<Database>, write: Write, { last = false }: { last?: boolean } = {}): void {
  let writes = pending.get(trx);
  if (writes === undefined) pending.set(trx, (writes = { writes: [], last: [] }));
  (last ? writes.last : writes.writes).push(write);
}

/** Runs what {@link beforeCommit} registered for `trx`: called by withTransaction right before COMMIT. */
export async function runBeforeCommit(trx: Transaction<Database>): Promise<void> {
  const writes = pending.get(trx);
  if (writes === undefined) return;
  // One at a time, taken off the front: a write may register another, which runs after those already waiting.
  const next = () => writes.writes.shift() ?? writes.last.shift();
  for (let write = next(); write; write = next()) await write();
  pending.delete(trx);
}
