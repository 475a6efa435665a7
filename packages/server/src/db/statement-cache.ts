import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { LRUCache } from 'lru-cache';

/** How many distinct statements stay prepared: far more than the app's queries, bounded for generated IN lists. */
const DEFAULT_LIMIT = 500;

/**
 * Kysely's SQLite driver calls `prepare()` for every query, and preparing (parsing and planning the SQL) cost about
 * as much CPU as running it under ingest load. Kysely compiles the same SQL text for the same query shape, so a
 * statement prepared once is reused by text, least recently used dropped beyond `limit`. Safe because Kysely runs
 * one query at a time on its single SQLite connection (a statement is never iterated by two queries at once), and
 * SQLite re-prepares a statement by itself after a schema change (migrations).
 */
export function withStatementCache(database: SqliteDatabase, limit = DEFAULT_LIMIT): SqliteDatabase {
  const statements = new LRUCache<string, SqliteStatement>({ max: limit });
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      database.close();
    },
  };
}
