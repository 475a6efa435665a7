import type { Conn } from './db.js';

const slots = new WeakMap<object, Map<unknown, unknown>>();

/**
 * A value kept for one database, whichever connection reaches it: the pool or any of its transactions. Kysely gives
 * a database's transactions its adapter, so the adapter names the database; two databases (tests open many, each
 * with the same public keys) never share a value. `slot` tells the values kept for one database apart.
 */
export function perDatabase<T>(conn: Conn, slot: unknown, create: () => T): T {
  const database = conn.getExecutor().adapter;
  let values = slots.get(database);
  if (values === undefined) {
    values = new Map();
    slots.set(database, values);
  }
  if (!values.has(slot)) values.set(slot, create());
  return values.get(slot) as T;
}
