import { SecretKeyCreated, SecretKeyList } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import type { ApiClient } from './client.js';

/** `/api/v1/keys`: the project's secret keys (admin). */
export function keysApi(api: ApiClient) {
  return {
    list: async () => (await api.request('GET', '/keys', SecretKeyList)).data,
    create: (label: string) => api.request('POST', '/keys', SecretKeyCreated, { json: { label } }),
    revoke: (id: string) => api.request('DELETE', `/keys/${encodeURIComponent(id)}`, z.undefined()),
  };
}
export type KeysApi = ReturnType<typeof keysApi>;
