import { TeamList } from '@closeloop/sdk/schemas';
import type { ApiClient } from './client.js';

/** `/api/v1/teams`: the groups cases are routed to. */
export function teamsApi(api: ApiClient) {
  return { list: async () => (await api.request('GET', '/teams', TeamList)).data };
}
export type TeamsApi = ReturnType<typeof teamsApi>;
