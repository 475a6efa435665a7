import { FollowUpListQuery } from '@closeloop/sdk/schemas';
import type { FollowUpListQueryInput } from '@closeloop/sdk/schemas';
import { z } from 'zod';

/** The queue's views: each a question support staff ask ("what is mine?"), on top of the filters. */
export const VIEWS = ['all', 'mine', 'unassigned', 'overdue'] as const;
export type InboxView = (typeof VIEWS)[number];
export const VIEW_WORDS: Record<InboxView, string> = { all: 'All', mine: 'Mine', unassigned: 'Unassigned', overdue: 'Overdue' };

/** The filters the inbox offers, checked by the list query's own schema (one contract). */
const Filters = FollowUpListQuery.pick({ status: true, assignee: true, team: true, surveyId: true, priority: true, source: true });
export type InboxFilters = Omit<z.input<typeof Filters>, 'assignee'> & { assignee?: string };
export const FILTER_NAMES = ['status', 'assignee', 'team', 'surveyId', 'priority', 'source'] as const;

export interface InboxQuery {
  view: InboxView;
  filters: InboxFilters;
}

/**
 * The inbox's state from its URL (`?view=mine&status=open`), so a filtered queue can be bookmarked, shared and
 * gone back to. A parameter that does not parse is left out and reported by name, never silently dropped.
 */
export function inboxQueryFromUrl(params: Record<string, string>): { query: InboxQuery; problems: string[] } {
  const problems: string[] = [];
  const view = z.enum(VIEWS).safeParse(params.view ?? 'all');
  if (!view.success) problems.push(`view: must be one of ${VIEWS.join(', ')}`);
  const filters: InboxFilters = {};
  for (const name of FILTER_NAMES) {
    const raw = params[name];
    if (raw === undefined || raw === '') continue;
    const parsed = Filters.shape[name].safeParse(raw);
    if (parsed.success) Object.assign(filters, { [name]: raw });
    else problems.push(`${name}: ${parsed.error.issues[0]?.message ?? 'not understood'}`);
  }
  return { query: { view: view.success ? view.data : 'all', filters }, problems };
}

/** The URL search of an inbox state (`?view=mine&status=open`), without the defaults. */
export function inboxSearch({ view, filters }: InboxQuery): string {
  const params = new URLSearchParams();
  if (view !== 'all') params.set('view', view);
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** What `GET /api/v1/follow-ups` is asked for a state: the view decides the assignee or overdue, the filters the rest. */
export function listQueryOf({ view, filters }: InboxQuery): FollowUpListQueryInput {
  const query: FollowUpListQueryInput = { ...filters };
  if (view === 'mine') query.assignee = 'me';
  if (view === 'unassigned') query.assignee = 'none';
  if (view === 'overdue') query.overdue = 'true';
  return query;
}
