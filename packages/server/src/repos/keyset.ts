import { sql } from 'kysely';
import type { SelectQueryBuilder } from 'kysely';

/** Keyset position of the last item of a page: lists are ordered by time then id, both descending. */
export interface PageCursor {
  at: string;
  id: string;
}

export interface PageRequest {
  limit: number;
  after?: PageCursor | undefined;
}

export interface ListPage<T> {
  data: T[];
  next: PageCursor | null;
}

export interface KeysetColumns {
  /** The time column the list is ordered by (`r.received_at`), newest first. */
  at: string;
  /** The id column that breaks ties between equal times. */
  id: string;
}

/**
 * One page of `query`, newest first by `(at, id)`, starting after `page.after`. Keyset, not OFFSET: a page costs
 * the same at row 100,000 as at row 0, served by the `(…, at, id)` indexes, and a row inserted meanwhile never
 * shifts a page. The row-value comparison `(at, id) < (…)` reads the same on SQLite (3.15+) and PostgreSQL.
 * One extra row is fetched to know whether a next page exists.
 */
export async function keysetPage<DB, TB extends keyof DB, O, T>(
  query: SelectQueryBuilder<DB, TB, O>,
  columns: KeysetColumns,
  page: PageRequest,
  parse: (row: O) => T,
  positionOf: (item: T) => PageCursor,
): Promise<ListPage<T>> {
  const at = sql.ref(columns.at);
  const id = sql.ref(columns.id);
  const { after } = page;
  const filtered = after === undefined ? query : query.where(sql<boolean>`(${at}, ${id}) < (${after.at}, ${after.id})`);
  const rows = await filtered.orderBy(at, 'desc').orderBy(id, 'desc').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit).map(parse);
  const last = data.at(-1);
  return { data, next: rows.length > page.limit && last !== undefined ? positionOf(last) : null };
}
