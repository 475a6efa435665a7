import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

export type Dialect = 'sqlite' | 'postgres';

/**
 * What repositories run on: the pool or an open transaction. Repositories take either, so a use case decides
 * which calls share one commit.
 */
export type Conn = Kysely<Database> | Transaction<Database>;

/** The database as the app and the CLI hold it: the Kysely instance, its dialect, and the pool's lifecycle. */
export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** Closes the connection(s); the handle is unusable afterwards. */
  destroy(): Promise<void>;
}

/** Wraps a migrated Kysely instance as a {@link Db}. */
export function dbHandle(kysely: Kysely<Database>, dialect: Dialect): Db {
  return {
    kysely,
    dialect,
    async ping() {
      await sql`select 1`.execute(kysely);
    },
    destroy: () => kysely.destroy(),
  };
}
