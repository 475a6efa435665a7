import { ProjectSettings } from '@closeloop/sdk/schemas';
import type { ProjectSettingsPatch } from '@closeloop/sdk/schemas';
import type { ApiClient } from './client.js';

/** `/api/v1/settings`: the project's settings (the resolve form offers its root causes; admins change them). */
export function settingsApi(api: ApiClient) {
  return {
    get: () => api.request('GET', '/settings', ProjectSettings),
    patch: (patch: ProjectSettingsPatch) => api.request('PATCH', '/settings', ProjectSettings, { json: patch }),
  };
}
export type SettingsApi = ReturnType<typeof settingsApi>;
