import { ProjectSettings } from '@closeloop/sdk/schemas';
import type { ApiClient } from './client.js';

/** `/api/v1/settings`: the project's settings (the resolve form offers its root causes). */
export function settingsApi(api: ApiClient) {
  return { get: () => api.request('GET', '/settings', ProjectSettings) };
}
export type SettingsApi = ReturnType<typeof settingsApi>;
