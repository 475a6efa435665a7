import { IdentitySecretRotated, ProjectProfile } from '@closeloop/sdk/schemas';
import type { ProjectProfilePatch } from '@closeloop/sdk/schemas';
import type { ApiClient } from './client.js';

/** `/api/v1/settings/project` and the identity secret: who the project is to the pages that run its widget. */
export function projectApi(api: ApiClient) {
  return {
    get: () => api.request('GET', '/settings/project', ProjectProfile),
    patch: (patch: ProjectProfilePatch) => api.request('PATCH', '/settings/project', ProjectProfile, { json: patch }),
    rotateIdentitySecret: () => api.request('POST', '/settings/identity-secret/rotate', IdentitySecretRotated),
  };
}
export type ProjectApi = ReturnType<typeof projectApi>;
