import { SqliteDialect } from 'kysely';
import type { CompiledQuery, DatabaseConnection, DialectAdapter, Driver, QueryResult, SqliteDialectConfig } from 'kysely';
import { registerCommitDurability } from './commit-durability.js';
import type { WalSync } from './wal-sync.js';

export interface WalSyncedOptions {
  /** The log sync every acknowledged write waits for. */
  wal: WalSync;
  /** Whether the connection is inside a transaction now (better-sqlite3's `inTransaction`). */
  inTransaction: () => boolean;
  /** Whether a statement leaves the database as it was (SQLite's own verdict, `Statement.readonly`). */
  isReadonly: (sql: string) => boolean;
}

/**
 * Kysely's SQLite dialect whose writes are acknowledged only once they are durable ({@link WalSync}):
 * - a write outside a transaction (autocommit) resolves after the sync;
 * - a COMMIT of a transaction that wrote starts the sync and returns at once, so the connection goes to the next
 *   transaction (the next batch of answers runs while this one's fsync is under way); `withTransaction` then waits for
 *   the sync (commitDurable) before it resolves or runs the transaction's after-commit callbacks. Every transaction
 *   of the server goes through withTransaction.
 * A transaction that only read, or rolled back, waits for nothing.
 */
export class WalSyncedSqliteDialect extends SqliteDialect {
  readonly #options: WalSyncedOptions;
  /** The sync the last COMMIT started: what a committed transaction waits for. */
  #owed: Promise<void> = Promise.resolve();

  constructor(config: SqliteDialectConfig, options: WalSyncedOptions) {
    super(config);
    this.#options = options;
  }

  override createAdapter(): DialectAdapter {
    const adapter = super.createAdapter();
    registerCommitDurability(adapter, () => this.#owed);
    return adapter;
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const options = this.#options;
    const wrapped = new WeakMap<DatabaseConnection, DatabaseConnection>();
    return {
      init: () => driver.init(),
      acquireConnection: async () => {
        const connection = await driver.acquireConnection();
        let synced = wrapped.get(connection);
        if (synced === undefined) {
          synced = walSyncedConnection(connection, options, (sync) => {
            // Awaited by the transaction's caller; a failure nobody awaits (a caller outside withTransaction) must not
            // crash the process, the next sync tries again.
            sync.catch(() => {});
            this.#owed = sync;
          });
          wrapped.set(connection, synced);
        }
        return synced;
      },
      beginTransaction: (connection, settings) => driver.beginTransaction(connection, settings),
      commitTransaction: (connection) => driver.commitTransaction(connection),
      // A COMMIT that failed may have ended its transaction already (SQLite rolls back on some errors): Kysely's
      // rollback would then fail with "no transaction is active" and hide the error that matters.
      async rollbackTransaction(connection) {
        if (options.inTransaction()) await driver.rollbackTransaction(connection);
      },
      savepoint: driver.savepoint && ((connection, name, compile) => driver.savepoint!(connection, name, compile)),
      rollbackToSavepoint: driver.rollbackToSavepoint && ((connection, name, compile) => driver.rollbackToSavepoint!(connection, name, compile)),
      releaseSavepoint: driver.releaseSavepoint && ((connection, name, compile) => driver.releaseSavepoint!(connection, name, compile)),
      // SQLite's driver has one connection and a mutex: releasing unlocks it, whichever object names the connection.
      releaseConnection: (connection) => driver.releaseConnection(connection),
      async destroy() {
        await driver.destroy();
        options.wal.close();
      },
    };
  }
}

function walSyncedConnection(connection: DatabaseConnection, { wal, inTransaction, isReadonly }: WalSyncedOptions, committed: (sync: Promise<void>) => void): DatabaseConnection {
  /** A write ran in the open transaction: its COMMIT owes a sync. */
  let wrote = false;
  return {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const wasInTransaction = inTransaction();
      const result = await connection.executeQuery<R>(query);
      if (inTransaction()) {
        // Once a statement of the transaction wrote, the others need not be asked (an ingest batch runs dozens).
        if (!wrote) wrote = !isReadonly(query.sql);
      } else if (wasInTransaction) {
        // COMMIT or ROLLBACK (SQLite counts both as read-only statements): only a commit of writes owes a sync.
        if (wrote && query.sql.trim().toLowerCase() === 'commit') committed(wal.sync());
        wrote = false;
      } else if (!isReadonly(query.sql)) {
        await wal.sync();
      }
      return result;
    },
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
  };
}
