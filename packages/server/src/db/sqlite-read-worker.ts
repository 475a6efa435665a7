import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { CompiledQuery, DatabaseConnection, DatabaseIntrospector, Dialect, DialectAdapter, Driver, Kysely, QueryCompiler, QueryResult } from 'kysely';

/**
 * The worker's program: a read-only connection to the file that runs one SELECT per message. It is CommonJS text run
 * with `eval`, not a module file of its own, so that it is found alike from the sources (tests), from dist/ and from
 * the bundled CLI; better-sqlite3 comes by the path the main thread resolved. The file is opened at the first query
 * and again at the next one if it could not be (its error, SQLITE_CANTOPEN, is that query's). Statements are kept
 * prepared by text, as on the main connection (statement-cache.ts), the oldest dropped beyond 200.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Sqlite = require(workerData.sqlitePath);
let db;
const statements = new Map();
parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    if (db === undefined) {
      db = new Sqlite(workerData.file, { readonly: true, fileMustExist: true });
      db.pragma('busy_timeout = 5000');
    }
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      if (statements.size >= 200) statements.delete(statements.keys().next().value);
      statements.set(sql, statement);
    }
    if (!statement.reader) throw new Error('the read connection runs queries that return rows only: ' + sql.slice(0, 60));
    parentPort.postMessage({ id, rows: statement.all(parameters) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

interface Reply {
  id: number;
  rows?: unknown[];
  error?: { message: string; code?: unknown };
}

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
}

/**
 * A second connection to a SQLite file, on a worker thread, for the console's long reads (the stats' aggregates, the
 * exports' pages). better-sqlite3 runs a statement on the thread that calls it: on the main connection a 0.3 s
 * aggregate over a busy project's answers held every answer that arrived meanwhile for those 0.3 s. On the worker
 * the statement runs beside the event loop; WAL lets it read a committed snapshot while the main connection writes.
 *
 * Reads only: a statement that would write is refused (an error, not a 503), and so is a transaction. A worker that
 * dies fails the queries it held; the next query starts a new one.
 */
export class SqliteReadDialect implements Dialect {
  constructor(private readonly file: string) {}

  createDriver(): Driver {
    return new ReadWorkerDriver(this.file);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

/** A worker thread and the queries it holds. */
interface ReadThread {
  worker: Worker;
  pending: Map<number, Pending>;
}

class ReadWorkerDriver implements Driver {
  readonly #file: string;
  readonly #sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
  #thread: ReadThread | undefined;
  #nextId = 0;
  readonly #connection: DatabaseConnection = {
    executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => ({ rows: (await this.#run(query)) as R[] }),
    streamQuery: () => {
      throw new Error('the read connection does not stream: read in pages');
    },
  };

  constructor(file: string) {
    this.#file = file;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    // One worker serves every query in turn (its messages queue), so there is nothing to wait for here.
    return this.#connection;
  }

  async beginTransaction(): Promise<void> {
    throw new Error('the read connection has no transactions');
  }
  async commitTransaction(): Promise<void> {
    throw new Error('the read connection has no transactions');
  }
  async rollbackTransaction(): Promise<void> {
    throw new Error('the read connection has no transactions');
  }
  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    const thread = this.#thread;
    this.#thread = undefined;
    await thread?.worker.terminate();
  }

  #run(query: CompiledQuery): Promise<unknown[]> {
    const { worker, pending } = this.#thread ?? this.#start();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      // A waiting query keeps the process alive (a CLI command awaiting it), an idle worker does not.
      if (pending.size === 1) worker.ref();
      worker.postMessage({ id, sql: query.sql, parameters: query.parameters });
    });
  }

  #start(): ReadThread {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.#file, sqlitePath: this.#sqlitePath } });
    const thread: ReadThread = { worker, pending: new Map() };
    const { pending } = thread;
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const query = pending.get(reply.id);
      if (query === undefined) return;
      pending.delete(reply.id);
      if (pending.size === 0) worker.unref();
      if (reply.error === undefined) query.resolve(reply.rows ?? []);
      // The driver's error rebuilt here, with its code (SQLITE_BUSY, …) for store-unavailable.ts, and this stack.
      else query.reject(Object.assign(new Error(reply.error.message), reply.error.code === undefined ? {} : { code: reply.error.code }));
    });
    // The thread died (out of memory, terminated): what it held fails, and the next query starts a new thread.
    const failAll = (error: Error) => {
      if (this.#thread === thread) this.#thread = undefined;
      for (const query of pending.values()) query.reject(error);
      pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`the read connection's thread stopped (exit code ${code})`)));
    this.#thread = thread;
    return thread;
  }
}
