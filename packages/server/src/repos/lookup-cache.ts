import { LRUCache } from 'lru-cache';
import type { Transaction } from 'kysely';
import { afterCommit } from '../db/after-commit.js';
import type { Database } from '../db/database.js';
import type { Conn } from '../db/db.js';
import { perDatabase } from '../db/per-database.js';

/** How long a cached lookup is trusted. */
export const LOOKUP_TTL_MS = 1_000;

export interface LookupCache<V> {
  /** The cached value of `key` on this database, or what `load` reads (then kept for LOOKUP_TTL_MS). */
  get(conn: Conn, key: string, load: () => Promise<V>): Promise<V>;
  /** Forgets every value of this database, now and again once `conn`'s transaction commits. */
  clear(conn: Conn): void;
}

/**
 * A short-lived cache of what nearly every public request reads and almost never changes (a project by its public
 * key, a survey's definition, a project's settings), per database. This instance clears it when it writes those rows,
 * so here a change shows at once; another instance on the same PostgreSQL keeps its copy for up to LOOKUP_TTL_MS,
 * so a survey deactivated or an origin removed there is honoured here within a second. Bounded, so requests naming
 * random keys cannot grow it.
 */
export function lookupCache<V>(name: string, max = 1_000): LookupCache<V> {
  // LRUCache holds no null or undefined: values are boxed, so a miss (no such project) is cached like any value.
  const cacheOf = (conn: Conn) => perDatabase(conn, `lookup:${name}`, () => new LRUCache<string, { value: V }>({ max, ttl: LOOKUP_TTL_MS }));
  return {
    async get(conn, key, load) {
      const cache = cacheOf(conn);
      const hit = cache.get(key);
      if (hit !== undefined) return hit.value;
      const value = await load();
      cache.set(key, { value });
      return value;
    },
    clear(conn) {
      const cache = cacheOf(conn);
      cache.clear();
      // A reader between the write and the commit may have cached the old value again.
      if (conn.isTransaction) afterCommit(conn as Transaction<Database>, () => cache.clear());
    },
  };
}
