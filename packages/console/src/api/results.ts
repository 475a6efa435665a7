import { DetractorThemes, FollowUpStats, ListedResponse, NpsStats, Page } from '@closeloop/sdk/schemas';
import type { FollowUpStatsQueryInput, NpsStatsQueryInput, ThemesQueryInput } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import type { ApiClient } from './client.js';

const ResponsePage = Page(ListedResponse);
export type ResponsePage = z.infer<typeof ResponsePage>;
const NoContent = z.undefined();

/** Query values as URL parameters: unset ones left out, attributes flat (`attr.plan=pro`) as the server takes them. */
export function resultsParams(query: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (name === 'attr' && typeof value === 'object' && value !== null) {
      for (const [attribute, text] of Object.entries(value)) params[`attr.${attribute}`] = String(text);
    } else params[name] = String(value);
  }
  return params;
}

/** What the responses list and its CSV take (see `ResponseListParams` in the sdk), as the console sends it. */
export type ResponsesQuery = {
  surveyId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: string | undefined;
  attr?: Record<string, string> | undefined;
  group?: 'detractor' | 'passive' | 'promoter' | undefined;
  read?: 'true' | 'false' | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
};

/** The results: NPS over time, detractor themes, follow-up outcomes, the responses with their read state, CSV links. */
export function resultsApi(api: ApiClient) {
  return {
    nps: (query: NpsStatsQueryInput) => api.request('GET', '/stats/nps', NpsStats, { searchParams: resultsParams(query) }),
    themes: (query: ThemesQueryInput) => api.request('GET', '/stats/themes', DetractorThemes, { searchParams: resultsParams(query) }),
    followUps: (query: FollowUpStatsQueryInput) => api.request('GET', '/stats/follow-ups', FollowUpStats, { searchParams: resultsParams(query) }),
    responses: (query: ResponsesQuery) => api.request('GET', '/responses', ResponsePage, { searchParams: resultsParams(query) }),
    /** Marks responses read (or unread) for the signed-in member. */
    mark: (ids: string[], read: boolean) => api.request('POST', read ? '/responses/read' : '/responses/unread', NoContent, { json: { ids } }),
  };
}
export type ResultsApi = ReturnType<typeof resultsApi>;

/** Where a CSV download is: a plain link (GET with the session cookie), so the browser saves it as it streams. */
export function exportUrl(what: 'responses' | 'cases', query: Record<string, unknown>): string {
  const search = new URLSearchParams(resultsParams(query)).toString();
  return `/api/v1/export/${what}.csv${search ? `?${search}` : ''}`;
}
