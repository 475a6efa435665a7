import type { Conn } from './db.js';

/** Per database (named by its Kysely adapter, as in per-database.ts): what a committed transaction waits for. */
const durableAfter = new WeakMap<object, () => Promise<void>>();

/** Called by a dialect whose commits become durable after they return (WalSyncedSqliteDialect). */
export function registerCommitDurability(adapter: object, wait: () => Promise<void>): void {
  durableAfter.set(adapter, wait);
}

/**
 * Resolves once the transactions this database committed so far are on the disk; at once where a commit is durable
 * when it returns (PostgreSQL, SQLite in memory). withTransaction awaits it before anyone hears of the commit.
 */
export function commitDurable(conn: Conn): Promise<void> {
  return durableAfter.get(conn.getExecutor().adapter)?.() ?? Promise.resolve();
}
