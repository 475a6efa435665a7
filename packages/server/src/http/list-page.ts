import type { ListPage, PageRequest } from '../repos/keyset.js';
import { cursorFromQuery, encodeCursor } from './page-cursor.js';

/** The part every list query shares (the contract's `ListQuery`, parsed). */
interface ListQuery {
  limit: number;
  cursor?: string | undefined;
}

/**
 * A management list's parsed query as a repository's page request: `?cursor=` decoded (a 422 naming `cursor` when it
 * is not one of ours), the list's own filters (`status`, `surveyId`, `category`) passed through as they are.
 */
export function pageRequest<Q extends ListQuery>({ limit, cursor, ...filters }: Q): PageRequest & Omit<Q, keyof ListQuery> {
  return { limit, after: cursorFromQuery(cursor), ...filters };
}

/** A repository page as the wire's `Page`: the next page's position as an opaque cursor, null on the last page. */
export function pageBody<T>(page: ListPage<T>): { data: T[]; nextCursor: string | null } {
  return { data: page.data, nextCursor: page.next && encodeCursor(page.next) };
}
