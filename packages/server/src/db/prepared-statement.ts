import { CompiledQuery } from 'kysely';
import type { Compilable, QueryResult } from 'kysely';
import type { Conn } from './db.js';
import { dialectOf } from './dialect-of.js';
import { keepPrepared } from './postgres-named-statements.js';

// Never a value a caller passes: it marks where a named parameter goes while the statement is compiled.
const MARK = '\u0000closeloop-parameter:';

/** Where the parameter `name` goes in the statement: typed as the value it stands for, so the builder checks it. */
export type ParameterOf<P> = <K extends keyof P & string>(name: K) => P[K];

/**
 * A statement built once, run with new values: `run(conn, { id })`; `run.compile(conn, { id })` is the same statement
 * with its values, to send some other way (sendAheadOfCommit).
 */
export type PreparedStatement<P, R> = ((conn: Conn, parameters: P) => Promise<QueryResult<R>>) & { compile(conn: Conn, parameters: P): CompiledQuery<R> };

/**
 * A hot statement (ingest runs a dozen per answer) written with Kysely's builder as usual, but built and compiled
 * once per database instead of once per run: building and compiling cost more CPU than SQLite takes to run such a
 * statement. `build` gets the connection (so dialect-specific parts such as FOR UPDATE are chosen once per database)
 * and `parameter(name)`, which stands for a value given at each run. Anything else in the statement is a constant.
 *
 * A value must go through `parameter()` to vary: a plain value is compiled into the statement once and for all.
 * And the shape must not depend on the values (an IN list of varying length needs the builder).
 */
export function preparedStatement<P extends object, R>(build: (conn: Conn, parameter: ParameterOf<P>) => Compilable<R>): PreparedStatement<P, R> {
  const compiled = new WeakMap<object, { sql: string; slots: ((parameters: P) => unknown)[] }>();
  const compile = (conn: Conn, parameters: P): CompiledQuery<R> => {
    // A database's transactions share its adapter (see per-database.ts), which also fixes the dialect.
    const database = conn.getExecutor().adapter;
    let statement = compiled.get(database);
    if (statement === undefined) {
      const query = build(conn, ((name: string) => `${MARK}${name}`) as ParameterOf<P>).compile();
      const slots = query.parameters.map((value): ((p: P) => unknown) => {
        if (typeof value !== 'string' || !value.startsWith(MARK)) return () => value;
        const name = value.slice(MARK.length);
        return (p) => {
          if (!(name in p)) throw new Error(`prepared statement: no value for parameter "${name}"`);
          return (p as Record<string, unknown>)[name];
        };
      });
      statement = { sql: query.sql, slots };
      if (dialectOf(conn) === 'postgres') keepPrepared(query.sql);
      compiled.set(database, statement);
    }
    const { sql, slots } = statement;
    return CompiledQuery.raw(sql, slots.map((slot) => slot(parameters))) as CompiledQuery<R>;
  };
  return Object.assign(async (conn: Conn, parameters: P) => conn.executeQuery<R>(compile(conn, parameters)), { compile });
}
