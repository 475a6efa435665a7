import type { ScoreGroup } from '@closeloop/sdk/schemas';
import { ScoreGroup as Groups } from '@closeloop/sdk/schemas';
import type { ResponsesQuery } from '../../api/results.js';
import { apiFilters, resultsFiltersFromUrl, resultsSearch } from './results-query.js';
import type { ResultsFilters } from './results-query.js';

/** The responses list's view: the results' filters, one score group or all, read state or all. */
export interface ResponsesView {
  filters: ResultsFilters;
  group?: ScoreGroup | undefined;
  read?: 'true' | 'false' | undefined;
}

export function responsesViewFromUrl(query: Record<string, string>, now: Date): { view: ResponsesView; problems: string[] } {
  const { filters, problems } = resultsFiltersFromUrl(query, now);
  const group = Groups.safeParse(query['group']);
  if (query['group'] !== undefined && !group.success) problems.push(`group "${query['group']}" is not detractor, passive or promoter`);
  const read = query['read'] === 'true' || query['read'] === 'false' ? query['read'] : undefined;
  return { view: { filters, group: group.success ? group.data : undefined, read }, problems };
}

export function responsesViewSearch({ filters, group, read }: ResponsesView): string {
  const params = new URLSearchParams(resultsSearch(filters).slice(1));
  params.delete('interval');
  if (group) params.set('group', group);
  if (read) params.set('read', read);
  return `?${params.toString()}`;
}

/** The view as the server's list query. */
export function responsesQueryOf({ filters, group, read }: ResponsesView): ResponsesQuery {
  return { ...apiFilters(filters), group, read };
}
