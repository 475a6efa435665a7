import { Team, TeamList } from '@closeloop/sdk/schemas';
import type { TeamPatch } from '@closeloop/sdk/schemas';
import type { ApiClient } from './client.js';

/** `/api/v1/teams`: the groups cases are routed to. */
export function teamsApi(api: ApiClient) {
  return {
    list: async () => (await api.request('GET', '/teams', TeamList)).data,
    create: (input: { name: string; memberIds?: string[] }) => api.request('POST', '/teams', Team, { json: input }),
    update: (id: string, patch: TeamPatch) => api.request('PATCH', `/teams/${encodeURIComponent(id)}`, Team, { json: patch }),
  };
}
export type TeamsApi = ReturnType<typeof teamsApi>;
