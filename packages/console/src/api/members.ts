import { Member, MemberList } from '@closeloop/sdk/schemas';
import type { MemberInput, MemberPatch } from '@closeloop/sdk/schemas';
import type { ApiClient } from './client.js';

/** `/api/v1/members`: who cases can be assigned to (admins add, change and remove them). */
export function membersApi(api: ApiClient) {
  return {
    list: async () => (await api.request('GET', '/members', MemberList)).data,
    create: (input: Partial<MemberInput>) => api.request('POST', '/members', Member, { json: input }),
    update: (id: string, patch: MemberPatch) => api.request('PATCH', `/members/${encodeURIComponent(id)}`, Member, { json: patch }),
    remove: (id: string) => api.request('DELETE', `/members/${encodeURIComponent(id)}`, Member),
  };
}
export type MembersApi = ReturnType<typeof membersApi>;
