import type pg from 'pg';

/** Statement text → its name on every PostgreSQL connection of this process. */
const names = new Map<string, string>();

/**
 * After how many runs on one connection a statement is prepared again: 10, 100, 1,000, … PostgreSQL plans a named
 * statement for the table sizes of its first runs and keeps that plan (its generic plan) until the tables' statistics
 * change, which on a new database is autovacuum's first ANALYZE, a minute or more after the tables started to fill.
 * Planned while `follow_ups` was a few pages, a lookup of ten cases by id was a sequential scan, and stayed one while
 * the table grew: 4,000 rows read per claim within seconds. Preparing again at each tenfold of runs plans for the
 * sizes the tables have grown to, at a cost of a parse and plan per statement and connection at runs 10, 100, … only.
 */
const REPLAN_FACTOR = 10;

/**
 * Marks a statement as one PostgreSQL should keep parsed and planned (`preparedStatement` does, for the hot path's
 * statements): each connection then parses and plans it once (again at each tenfold of its runs there, see
 * REPLAN_FACTOR), and every other run sends only its values (Bind and Execute), instead of the text to parse and plan
 * again on each of the dozen statements an answer runs.
 */
export function keepPrepared(text: string): void {
  if (!names.has(text)) names.set(text, `closeloop_${names.size + 1}`);
}

/**
 * Makes a pooled client run the statements marked by {@link keepPrepared} as named prepared statements (pg keeps
 * them per connection): Kysely calls `client.query(text, values)`, which this gives pg as `{ name, text, values }`.
 * A statement prepared again gets a new name (`closeloop_3_2`: pg refuses new text under a name it has prepared);
 * the old one is left to the connection, a few per statement over its life.
 */
export function useNamedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  /** Per statement name: its runs on this connection, and the run count at which it is prepared again. */
  const runs = new Map<string, { count: number; replanAt: number; generation: number }>();
  (client as { query: unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
    const name = typeof text === 'string' ? names.get(text) : undefined;
    if (name === undefined) return query(text, values, ...rest);
    let seen = runs.get(name);
    if (seen === undefined) runs.set(name, (seen = { count: 0, replanAt: REPLAN_FACTOR, generation: 1 }));
    if (++seen.count > seen.replanAt) {
      seen.generation += 1;
      seen.replanAt *= REPLAN_FACTOR;
    }
    return query({ name: seen.generation === 1 ? name : `${name}_${seen.generation}`, text, values }, ...rest);
  };
}
