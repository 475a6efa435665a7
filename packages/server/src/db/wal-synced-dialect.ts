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
 * Kysely's SQLite dialect whose writes are acknowledged only once they are durable ({@link WalSync}), without the
 * connection waiting for the disk: see {@link Lease}.
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
    const committed = (sync: Promise<void>) => {
      // Awaited by the transaction's caller; a failure nobody awaits (a caller outside withTransaction) must not
      // crash the process, the next sync tries again.
      sync.catch(() => {});
      this.#owed = sync;
    };
    return {
      init: () => driver.init(),
      // A lease of SQLite's one connection per acquisition: a write outside a transaction gives the connection back
      // as soon as it has run, before it waits for its sync (see Lease).
      acquireConnection: async () => new Lease(await driver.acquireConnection(), driver, options, committed),
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
      releaseConnection: (connection) => (connection as Lease).release(),
      async destroy() {
        await driver.destroy();
        options.wal.close();
      },
    };
  }
}

/**
 * One acquisition of SQLite's connection (Kysely's driver holds a mutex from acquire to release). Every write is
 * acknowledged only once durable:
 * - a write outside a transaction (autocommit: the job runner's claims and done marks) gives the connection back as
 *   soon as it has run and only then waits for its sync: holding it through the fsync kept the next batch of answers
 *   waiting 0.7 ms per claim, on every claim. A later statement on the same lease takes the connection again;
 * - a COMMIT of a transaction that wrote starts the sync and returns at once, so the connection goes to the next
 *   transaction (the next batch of answers runs while this one's fsync is under way); `withTransaction` then waits
 *   for the sync (commitDurable) before it resolves or runs the transaction's after-commit callbacks. Every
 *   transaction of the server goes through withTransaction.
 * A transaction that only read, or rolled back, waits for nothing; nor does a write outside a transaction that
 * changed no row (a claim that found no job due).
 */
class Lease implements DatabaseConnection {
  /** Whether this lease holds the connection's mutex now. */
  #held = true;
  /** A write ran in the open transaction: its COMMIT owes a sync. */
  #wrote = false;

  constructor(
    private readonly connection: DatabaseConnection,
    private readonly driver: Driver,
    private readonly options: WalSyncedOptions,
    private readonly committed: (sync: Promise<void>) => void,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { inTransaction, isReadonly, wal } = this.options;
    if (!this.#held) {
      await this.driver.acquireConnection();
      this.#held = true;
    }
    const wasInTransaction = inTransaction();
    const result = await this.connection.executeQuery<R>(query);
    if (inTransaction()) {
      // Once a statement of the transaction wrote, the others need not be asked (an ingest batch runs dozens).
      if (!this.#wrote) this.#wrote = !isReadonly(query.sql);
    } else if (wasInTransaction) {
      // COMMIT or ROLLBACK (SQLite counts both as read-only statements): only a commit of writes owes a sync.
      if (this.#wrote && query.sql.trim().toLowerCase() === 'commit') this.committed(wal.sync());
      this.#wrote = false;
    } else if (!isReadonly(query.sql)) {
      await this.release();
      if (!changedNothing(query.sql, result)) await wal.sync();
    }
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.connection.streamQuery<R>(query, chunkSize);
  }

  /** Gives the connection back, once (Kysely releases what a write may have given back already). */
  async release(): Promise<void> {
    if (!this.#held) return;
    this.#held = false;
    await this.driver.releaseConnection(this.connection);
  }
}

/**
 * Whether a statement is an INSERT, UPDATE or DELETE that changed no row: its count (better-sqlite3's `changes`) is
 * 0, or its RETURNING clause gave nothing back. It wrote nothing to the log, so it owes no sync. Anything else that
 * is not read-only (a schema change, which counts no rows) is synced.
 */
function changedNothing(sql: string, result: QueryResult<unknown>): boolean {
  return /^\s*(insert|update|delete)\b/i.test(sql) && (result.numAffectedRows ?? 0n) === 0n && result.rows.length === 0;
}
