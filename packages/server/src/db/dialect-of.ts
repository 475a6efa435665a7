import { PostgresAdapter } from 'kysely';
import type { Conn, Dialect } from './db.js';

/**
 * The dialect behind a connection, for the few statements the two databases spell differently (row locks): read
 * from the connection itself so repositories need no extra parameter.
 */
export function dialectOf(conn: Conn): Dialect {
  return conn.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
