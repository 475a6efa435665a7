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
  const cacheOf = (conn: Conn) => perDatabase(conn, `lookup:${name}`, () => ({ values: new LRUCache<string, { value: V }>({ max, ttl: LOOKUP_TTL_MS }), generation: 0 }));
  /**
   * Loads under way, by connection: the requests that miss together (every one in flight when a value's second is
   * up: 32 at a time under the ingest bench, 16 lookups a second of one project) wait for one read instead of
   * making one each. Only callers on the same connection share one: a load on the pool waits for the connection a
   * transaction holds on SQLite, so a caller inside that transaction must never wait for it.
   */
  const loading = new WeakMap<Conn, Map<string, { generation: number; loaded: Promise<V> }>>();
  return {
    get(conn, key, load) {
      const cache = cacheOf(conn);
      const hit = cache.values.get(key);
      if (hit !== undefined) return Promise.resolve(hit.value);
      let mine = loading.get(conn);
      if (mine === undefined) loading.set(conn, (mine = new Map()));
      const generation = cache.generation;
      const running = mine.get(key);
      // One begun before a clear may bring the old row: a caller after it reads anew.
      if (running?.generation === generation) return running.loaded;
      const loaded: Promise<V> = load()
        .finally(() => {
          if (mine.get(key)?.loaded === loaded) mine.delete(key);
        })
        .then((value) => {
          // Read before a clear (this instance wrote the row meanwhile): returned, never kept.
          if (generation === cache.generation) cache.values.set(key, { value });
          return value;
        });
      mine.set(key, { generation, loaded });
      return loaded;
    },
    clear(conn) {
      const cache = cacheOf(conn);
      const forget = () => {
        cache.generation++;
        cache.values.clear();
      };
      forget();
      // A reader between the write and the commit may have cached the old value again.
      if (conn.isTransaction) afterCommit(conn as Transaction<Database>, forget);
    },
  };
}
