import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';
import type { Dialect } from './db.js';
import { storeOutageOf } from './store-unavailable.js';
import { withTransaction } from './with-transaction.js';

/** One caller's work, run inside a transaction it may share with others: it must not commit or roll back itself. */
export type CommitUnit<T> = (trx: Transaction<Database>) => Promise<T>;

export interface GroupCommit {
  /**
   * Runs `work` in a transaction shared with the units handed in around the same time, and resolves with its result
   * once that transaction has committed (or rejects with its own error, nothing of it written). `ahead`, when given,
   * runs first, started for every unit of the batch at once before any `work` runs in turn: what the units write
   * there can go in together (the responses of a batch, one statement on PostgreSQL).
   */
  run<T>(work: CommitUnit<T>, ahead?: CommitUnit<void>): Promise<T>;
  /** Resolves once every unit handed in so far has settled: what a shutdown waits for before closing the pool. */
  drain(): Promise<void>;
}

export interface GroupCommitOptions {
  dialect: Dialect;
  /** Most units in one transaction: bounds the latency a unit adds to the others of its batch. */
  maxBatch?: number;
  /**
   * Most batches in flight at once. Default 1. On SQLite a second batch could run while the first waits for its log
   * sync (wal-sync.ts), but measured against one it lost 8–21% of answers/s (three interleaved pairs of the ingest
   * bench, 3 Dec 2026): batches held ~11 answers instead of ~16, and a COMMIT writes about the same index pages
   * whatever its size (~0.6 ms), so each answer paid more of it. On PostgreSQL four side by side were measured
   * against one (interleaved runs of the bench, 1 Dec 2026): one took 12–30% less CPU per answer and halved p99, as
   * the answers that arrive during a commit make the next batch larger, and a batch's own statements (BEGIN, COMMIT,
   * the team's roster and cursor, the multi-row inserts) are shared by more answers.
   */
  concurrency?: number;
  /**
   * Open the next batch's transaction while it waits for its turn, on a connection of its own, so its BEGIN's round
   * trip is made while the batch before still runs; its units still run only once that batch has committed. Default:
   * on PostgreSQL (SQLite has one connection). Measured in three interleaved pairs of the ingest bench (2 Dec 2026):
   * 2,761/2,812/2,805 answers/s without, 2,848/2,951/2,862 with.
   */
  beginEarly?: boolean;
}

interface Pending {
  work: CommitUnit<unknown>;
  ahead: CommitUnit<void> | undefined;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Batch {
  units: Pending[];
  /** Begun early (`beginEarly`): lets its transaction's work start, and resolves once the batch has settled. */
  start?: () => Promise<void>;
}

/**
 * Group commit: answers that arrive together share one transaction, so their commit (an fsync on SQLite, a round
 * trip and a WAL flush on PostgreSQL) is paid once per batch instead of once per answer.
 *
 * The first unit handed in opens a batch and schedules a flush for after the current I/O phase (setImmediate), so
 * every request read in the same turn of the event loop joins it, and so do those read while the batch before waits
 * for its commit to reach the disk (on SQLite, wal-sync.ts; on PostgreSQL, the round trips). A batch keeps taking units until it starts (it
 * waits while `concurrency` batches run) or is full; then the next unit opens a new one. A flush runs its units one after
 * another in one transaction, so a later step of the same response sees the earlier one's row, then commits and
 * resolves each unit with its own result. When anything in the batch throws, the whole transaction is rolled back
 * and each unit runs again alone in its own transaction, so a bad unit fails alone and the others still commit;
 * when the throw says the database is down, every unit gets that error at once (retrying each alone would only wait
 * out the same outage once per unit).
 */
export function createGroupCommit(kysely: Kysely<Database>, { dialect, maxBatch = 64, concurrency = 1, beginEarly = dialect === 'postgres' }: GroupCommitOptions): GroupCommit {
  /** Batches not started yet, oldest first; only the last one takes new units. */
  const waiting: Batch[] = [];
  let running = 0;
  let flushScheduled = false;
  let drained: (() => void)[] = [];

  function scheduleFlush(): void {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(startBatches);
  }

  function startBatches(): void {
    flushScheduled = false;
    while (running < concurrency && waiting.length > 0) {
      const batch = waiting.shift()!;
      running++;
      beginNextEarly();
      void (batch.start ? batch.start() : flush(batch.units)).finally(() => {
        running--;
        if (waiting.length > 0) scheduleFlush();
        else if (running === 0) settleDrained();
      });
    }
  }

  function settleDrained(): void {
    const waiters = drained;
    drained = [];
    for (const done of waiters) done();
  }

  /**
   * Begins the next batch's transaction now when it will wait for its turn (`beginEarly`); its units run once `start`
   * is called (its turn), and not before. Only the next in line: each begun batch holds a pooled connection.
   */
  function beginNextEarly(): void {
    const batch = waiting[0];
    if (!beginEarly || running < concurrency || batch === undefined || batch.start !== undefined) return;
    let turn!: () => void;
    const ready = new Promise<void>((resolve) => (turn = resolve));
    const settled = flush(batch.units, ready);
    batch.start = () => {
      turn();
      return settled;
    };
  }

  async function flush(batch: Pending[], turn?: Promise<void>): Promise<void> {
    let results: unknown[];
    try {
      results = await withTransaction(kysely, async (trx) => {
        // Begun early: the batch takes units until its turn, and a later step must see the batch before committed.
        if (turn) await turn;
        // All settled before a failure is thrown: nothing may still run on the transaction when it rolls back.
        const aheads = await Promise.allSettled(batch.map((unit) => unit.ahead?.(trx)));
        const failed = aheads.find((ahead) => ahead.status === 'rejected');
        if (failed) throw failed.reason;
        const values: unknown[] = [];
        for (const unit of batch) values.push(await unit.work(trx));
        return values;
      });
    } catch (error) {
      // A BEGIN that failed before the batch's turn: it is settled with every unit it takes until then.
      if (turn) await turn;
      if (batch.length === 1 || storeOutageOf(error, dialect) !== null) {
        for (const unit of batch) unit.reject(error);
        return;
      }
      await runAlone(batch);
      return;
    }
    batch.forEach((unit, i) => unit.resolve(results[i]));
  }

  async function runAlone(batch: Pending[]): Promise<void> {
    for (const unit of batch) {
      try {
        unit.resolve(
          await withTransaction(kysely, async (trx) => {
            await unit.ahead?.(trx);
            return unit.work(trx);
          }),
        );
      } catch (error) {
        unit.reject(error);
      }
    }
  }

  return {
    run<T>(work: CommitUnit<T>, ahead?: CommitUnit<void>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        let open = waiting.at(-1);
        if (open === undefined || open.units.length >= maxBatch) {
          open = { units: [] };
          waiting.push(open);
          beginNextEarly();
        }
        open.units.push({ work, ahead, resolve: resolve as (value: unknown) => void, reject });
        scheduleFlush();
      });
    },
    drain(): Promise<void> {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => drained.push(resolve));
    },
  };
}
