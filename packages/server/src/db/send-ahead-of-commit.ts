import type { CompiledQuery, Transaction } from 'kysely';
import type { Database } from './database.js';

/** Per transaction: the replies of the statements sent ahead of its COMMIT, not yet awaited. */
const sent = new WeakMap<Transaction<Database>, Promise<unknown>[]>();

/**
 * Sends a statement on the transaction's connection and returns once it is on its way, not once it is answered, so
 * the COMMIT that follows goes out right behind it: on PostgreSQL (whose pool runs pg's pipeline mode) one round
 * trip for both instead of one each, and a batch of answers waits for one turn of the event loop fewer. Only for the
 * transaction's last write, whose reply nothing reads. If it fails, PostgreSQL answers the COMMIT that follows with a
 * ROLLBACK, and {@link awaitSentAheadOfCommit} throws its error: the transaction fails whole, as if it had been awaited.
 */
export async function sendAheadOfCommit(trx: Transaction<Database>, query: CompiledQuery): Promise<void> {
  let reply!: Promise<unknown>;
  // The transaction's one connection: Kysely hands it to the next statement (the COMMIT) only once this returns, and
  // the driver's executeQuery has passed the statement to pg before its first await.
  await trx.getExecutor().provideConnection(async (connection) => {
    reply = connection.executeQuery(query);
  });
  // Awaited after the COMMIT; until then a failure must not count as unhandled.
  reply.catch(() => {});
  let replies = sent.get(trx);
  if (replies === undefined) sent.set(trx, (replies = []));
  replies.push(reply);
}

/** Throws the error of a statement {@link sendAheadOfCommit} sent for `trx`: called by withTransaction after COMMIT. */
export async function awaitSentAheadOfCommit(trx: Transaction<Database>): Promise<void> {
  const replies = sent.get(trx);
  if (replies === undefined) return;
  sent.delete(trx);
  for (const reply of replies) await reply;
}
