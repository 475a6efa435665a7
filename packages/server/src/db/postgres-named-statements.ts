import type pg from 'pg';

/** Statement text → its name on every PostgreSQL connection of this process. */
const names = new Map<string, string>();

/**
 * Marks a statement as one PostgreSQL should keep parsed and planned (`preparedStatement` does, for the hot path's
 * statements): each connection then parses and plans it once, and every later run sends only its values (Bind and
 * Execute), instead of the text to parse and plan again on each of the dozen statements an answer runs.
 */
export function keepPrepared(text: string): void {
  if (!names.has(text)) names.set(text, `closeloop_${names.size + 1}`);
}

/**
 * Makes a pooled client run the statements marked by {@link keepPrepared} as named prepared statements (pg keeps
 * them per connection): Kysely calls `client.query(text, values)`, which this gives pg as `{ name, text, values }`.
 */
export function useNamedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
    const name = typeof text === 'string' ? names.get(text) : undefined;
    return name === undefined ? query(text, values, ...rest) : query({ name, text, values }, ...rest);
  };
}
