import type { Transaction } from 'kysely';
import { takeAfterCommit } from './after-commit.js';
import { runBeforeCommit } from './before-commit.js';
import { commitDurable } from './commit-durability.js';
import type { Database } from './database.js';
import { awaitSentAheadOfCommit } from './send-ahead-of-commit.js';
import type { Conn } from './db.js';

/**
 * Runs `work` in one transaction: a new one on the pool, or the caller's when `conn` already is one, so use cases
 * compose (a batch of responses can share one commit) and nothing ever nests a second BEGIN. A throw rolls the
 * whole transaction back. What `beforeCommit` registered (the rows `insertAtCommit` held, a team's cursor) is written
 * just before the COMMIT. Once a transaction this call began has committed, and its commit is durable, it resolves
 * and its `afterCommit` callbacks run.
 */
export async function withTransaction<T>(conn: Conn, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (conn.isTransaction) return work(conn as Transaction<Database>);
  let committed: (() => void)[] = [];
  let transaction: Transaction<Database> | undefined;
  const result = await conn.transaction().execute(async (trx) => {
    transaction = trx;
    const value = await work(trx);
    await runBeforeCommit(trx);
    committed = takeAfterCommit(trx);
    return value;
  });
  // The last write went out with the COMMIT: had it failed, PostgreSQL rolled the transaction back instead.
  if (transaction !== undefined) await awaitSentAheadOfCommit(transaction);
  // On SQLite the connection is already free for the next transaction while this one's commit reaches the disk.
  await commitDurable(conn);
  for (const callback of committed) callback();
  return result;
}
