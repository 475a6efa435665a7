import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';

/** Columns by name, with the PostgreSQL type of each: what a statement taking rows through `unnest` is built from. */
export type ColumnTypes = Readonly<Record<string, 'text' | 'integer' | 'boolean'>>;

/**
 * PostgreSQL: the SQL of many rows taken as one array per column, `"id", "kind", …` and
 * `unnest($1::text[], $2::integer[], …)`, the arrays being the named parameters `parameter(column)`. One prepared
 * statement then serves any number of rows, parsed and planned once per connection, where a multi-row VALUES text
 * is new for every count. Pass the values with {@link columnArrays}.
 */
export function unnestRows(columns: ColumnTypes, parameter: (column: string) => unknown): { names: RawBuilder<unknown>; unnest: RawBuilder<unknown> } {
  const entries = Object.entries(columns);
  return {
    names: sql.join(entries.map(([name]) => sql.ref(name))),
    unnest: sql`unnest(${sql.join(entries.map(([name, type]) => sql`${parameter(name)}::${sql.raw(type)}[]`))})`,
  };
}

/**
 * The rows as the parameters of a statement built with {@link unnestRows}: one array per column (named `prefix` and
 * the column), a value a row leaves out null. A row with a column not in `columns` is refused, naming it, rather than
 * written without it.
 */
export function columnArrays(what: string, columns: ColumnTypes, rows: readonly object[], prefix = ''): Record<string, unknown[]> {
  for (const row of rows) {
    const unknown = Object.keys(row).find((name) => !(name in columns));
    if (unknown !== undefined) throw new Error(`${what}: ${unknown} is not a column it writes`);
  }
  return Object.fromEntries(Object.keys(columns).map((name) => [`${prefix}${name}`, rows.map((row) => (row as Record<string, unknown>)[name] ?? null)]));
}
