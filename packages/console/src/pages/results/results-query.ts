import type { ScoreGroup } from '@closeloop/sdk/schemas';

/** The results' filters as the page holds them (and the URL carries them): dates are whole UTC days, `to` inclusive. */
export interface ResultsFilters {
  from: string;
  to: string;
  interval: 'day' | 'week';
  surveyId?: string | undefined;
  page?: string | undefined;
  attrName?: string | undefined;
  attrValue?: string | undefined;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DEFAULT_DAYS = 30;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The filters in a results URL; what is missing or malformed falls back to the last 30 days by day, and is named. */
export function resultsFiltersFromUrl(query: Record<string, string>, now: Date): { filters: ResultsFilters; problems: string[] } {
  const problems: string[] = [];
  const today = dayOf(now.getTime());
  const date = (name: 'from' | 'to', fallback: string) => {
    const value = query[name];
    if (value === undefined || value === '') return fallback;
    if (DATE.test(value) && !Number.isNaN(Date.parse(value))) return value;
    problems.push(`${name} "${value}" is not a date`);
    return fallback;
  };
  const to = date('to', today);
  let from = date('from', dayOf(Date.parse(to) - (DEFAULT_DAYS - 1) * DAY_MS));
  if (from > to) {
    problems.push('from is after to');
    from = dayOf(Date.parse(to) - (DEFAULT_DAYS - 1) * DAY_MS);
  }
  const interval = query['interval'] === 'week' ? 'week' : 'day';
  if (query['interval'] !== undefined && query['interval'] !== 'day' && query['interval'] !== 'week') problems.push(`interval "${query['interval']}" is not day or week`);
  const text = (name: string) => (query[name] === undefined || query[name] === '' ? undefined : query[name]);
  return { filters: { from, to, interval, surveyId: text('survey'), page: text('page'), attrName: text('attr'), attrValue: text('value') }, problems };
}

/** The filters as a results URL's search (`?from=…`), defaults left out where they are implied. */
export function resultsSearch(filters: ResultsFilters): string {
  const params = new URLSearchParams();
  params.set('from', filters.from);
  params.set('to', filters.to);
  if (filters.interval === 'week') params.set('interval', 'week');
  if (filters.surveyId) params.set('survey', filters.surveyId);
  if (filters.page) params.set('page', filters.page);
  if (filters.attrName) params.set('attr', filters.attrName);
  if (filters.attrValue !== undefined && filters.attrName) params.set('value', filters.attrValue);
  return `?${params.toString()}`;
}

/** The server's shared filters: the window as instants (`to` the day after the last day shown), survey, page, attribute. */
export function apiFilters(filters: ResultsFilters) {
  return {
    from: `${filters.from}T00:00:00.000Z`,
    to: new Date(Date.parse(filters.to) + DAY_MS).toISOString(),
    surveyId: filters.surveyId,
    page: filters.page,
    attr: filters.attrName && filters.attrValue !== undefined ? { [filters.attrName]: filters.attrValue } : undefined,
  };
}

/** The responses list of these filters, narrowed to one score group (what clicking a group opens). */
export function responsesSearch(filters: ResultsFilters, group?: ScoreGroup): string {
  const params = new URLSearchParams(resultsSearch(filters).slice(1));
  params.delete('interval');
  if (group) params.set('group', group);
  return `?${params.toString()}`;
}
