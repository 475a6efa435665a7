import { MemberList } from '@closeloop/sdk/schemas';
import type { ApiClient } from './client.js';

/** `/api/v1/members`: who cases can be assigned to. */
export function membersApi(api: ApiClient) {
  return { list: async () => (await api.request('GET', '/members', MemberList)).data };
}
export type MembersApi = ReturnType<typeof membersApi>;
