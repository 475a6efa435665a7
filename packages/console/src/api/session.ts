import { ConsoleSession } from '@closeloop/sdk/schemas';
import type { LoginRequest } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import type { ApiClient } from './client.js';

/** `/api/v1/session`: who is signed in; sign in; sign out. */
export function sessionApi(api: ApiClient) {
  return {
    /** The live session, or an `ApiError` with status 401 when there is none. */
    current: () => api.request('GET', '/session', ConsoleSession),
    login: (body: LoginRequest) => api.request('POST', '/session', ConsoleSession, { json: body }),
    logout: () => api.request('DELETE', '/session', z.undefined()),
  };
}
export type SessionApi = ReturnType<typeof sessionApi>;
