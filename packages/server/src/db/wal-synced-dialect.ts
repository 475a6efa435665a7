import { SqliteDialect } from 'kysely';
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult, SqliteDialectConfig } from 'kysely';
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
 * Kysely's SQLite dialect whose writes resolve only once they are durable: after a statement that ends a write
 * transaction (COMMIT) or writes outside one (autocommit), the query's promise waits for {@link WalSync}. Every
 * write path gets this, not only the group commit, so no acknowledged change depends on which helper wrote it. A
 * transaction that only read waits for nothing.
 */
export class WalSyncedSqliteDialect extends SqliteDialect {
  readonly #options: WalSyncedOptions;

  constructor(config: SqliteDialectConfig, options: WalSyncedOptions) {
    super(config);
    this.#options = options;
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const options = this.#options;
    const wrapped = new WeakMap<DatabaseConnection, DatabaseConnection>();
    return {
      init: () => driver.init(),
      async acquireConnection() {
        const connection = await driver.acquireConnection();
        let synced = wrapped.get(connection);
        if (synced === undefined) {
          synced = walSyncedConnection(connection, options);
          wrapped.set(connection, synced);
        }
        return synced;
      },
      beginTransaction: (connection, settings) => driver.beginTransaction(connection, settings),
      commitTransaction: (connection) => driver.commitTransaction(connection),
      // A COMMIT whose sync failed has ended its transaction: Kysely's rollback then would fail and hide the disk's error.
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

function walSyncedConnection(connection: DatabaseConnection, { wal, inTransaction, isReadonly }: WalSyncedOptions): DatabaseConnection {
  /** A write ran since the last sync: the statement that ends its transaction waits for the next. */
  let wrote = false;
  return {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const result = await connection.executeQuery<R>(query);
      if (!isReadonly(query.sql)) wrote = true;
      if (wrote && !inTransaction()) {
        wrote = false;
        await wal.sync();
      }
      return result;
    },
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
  };
}
