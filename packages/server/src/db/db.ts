import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';
import { createGroupCommit } from './group-commit.js';
import type { GroupCommit } from './group-commit.js';

export type Dialect = 'sqlite' | 'postgres';

/**
 * What repositories run on: the pool or an open transaction. Repositories take either, so a use case decides
 * which calls share one commit.
 */
export type Conn = Kysely<Database> | Transaction<Database>;

/** The database as the app and the CLI hold it: the Kysely instance, its dialect, and the pool's lifecycle. */
export interface Db {
  readonly kysely: Kysely<Database>;
  /**
   * Where the console's long reads run (the stats, the exports, the queue's list). On a SQLite file, a read-only
   * connection on a worker thread (sqlite-read-worker.ts), so a long aggregate does not hold the answers arriving
   * meanwhile; on PostgreSQL, whose statements never run on the event loop, and on a SQLite database in memory,
   * `kysely` itself. Reads only.
   */
  readonly reads: Kysely<Database>;
  readonly dialect: Dialect;
  /** The migrations opening it ran, in order; empty when the schema was up to date (or nothing was migrated). */
  readonly migrationsRun: readonly string[];
  /** Write transactions shared by the answers that arrive together (ingest): see group-commit.ts. */
  readonly groupCommit: GroupCommit;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** Commits what the group commit still holds, then closes the connection(s); the handle is unusable afterwards. */
  destroy(): Promise<void>;
}

/** Wraps a migrated Kysely instance as a {@link Db}. */
export function dbHandle(kysely: Kysely<Database>, dialect: Dialect, migrationsRun: readonly string[] = [], reads: Kysely<Database> = kysely): Db {
  const groupCommit = createGroupCommit(kysely, { dialect });
  return {
    kysely,
    reads,
    dialect,
    migrationsRun,
    groupCommit,
    async ping() {
      await sql`select 1`.execute(kysely);
    },
    async destroy() {
      await groupCommit.drain();
      if (reads !== kysely) await reads.destroy();
      await kysely.destroy();
    },
  };
}
