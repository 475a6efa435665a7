import type { ResponseExportQuery } from '@closeloop/sdk/schemas';
import type { ResponseFilters } from '../repos/response-filters.js';
import { HttpError } from './http-error.js';

/**
 * A responses query's filters as the repository takes them. `from` must come before `to` when both are given.
 * `read`/`unread` need a reader (a signed-in member): for a project key they are a 422 naming the parameter; given
 * both, they must agree.
 */
export function responseFiltersOf(query: ResponseExportQuery, readerId: string | null): ResponseFilters {
  const { read, unread, ...filters } = query;
  if (filters.from !== undefined && filters.to !== undefined && filters.from >= filters.to) throw HttpError.field(422, 'invalid_request', 'to', `must come after from (${filters.from})`);
  if (read !== undefined && unread !== undefined && read === unread) throw HttpError.field(422, 'invalid_request', 'unread', 'contradicts read');
  const wanted = read ?? (unread === undefined ? undefined : !unread);
  if (wanted === undefined) return filters;
  if (readerId === null) {
    throw HttpError.field(422, 'invalid_request', read === undefined ? 'unread' : 'read', 'needs a signed-in member: read state is per member, and a project key is none');
  }
  return { ...filters, read: { memberId: readerId, read: wanted } };
}
