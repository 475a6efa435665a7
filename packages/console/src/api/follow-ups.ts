import { CaseDetail, FollowUp, FollowUpList } from '@closeloop/sdk/schemas';
import type { CaseNoteInput, CasePatchInput, CaseResolutionInput, CloseLoopRequestInput, FollowUpListQueryInput } from '@closeloop/sdk/schemas';
import type { ApiClient } from './client.js';

/** The list query as URL parameters: unset filters left out (the server refuses an empty `status=`). */
function searchParamsOf(query: FollowUpListQueryInput): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params[name] = String(value);
  return params;
}

/** `/api/v1/follow-ups`: the queue, a case with its timeline, and the changes support staff make. */
export function followUpsApi(api: ApiClient) {
  const one = (id: string) => `/follow-ups/${encodeURIComponent(id)}`;
  return {
    list: (query: FollowUpListQueryInput) => api.request('GET', '/follow-ups', FollowUpList, { searchParams: searchParamsOf(query) }),
    get: (id: string) => api.request('GET', one(id), CaseDetail),
    /** `patch.version` is the version the change was made against: a stale one answers 409. */
    update: (id: string, patch: CasePatchInput) => api.request('PATCH', one(id), FollowUp, { json: patch }),
    addNote: (id: string, note: CaseNoteInput) => api.request('POST', `${one(id)}/notes`, FollowUp, { json: note }),
    resolve: (id: string, resolution: CaseResolutionInput) => api.request('POST', `${one(id)}/resolve`, FollowUp, { json: resolution }),
    closeLoop: (id: string, request: CloseLoopRequestInput) => api.request('POST', `${one(id)}/close-loop`, FollowUp, { json: request }),
  };
}
export type FollowUpsApi = ReturnType<typeof followUpsApi>;
