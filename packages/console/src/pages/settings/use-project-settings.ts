import { useSignal } from '@preact/signals';
import type { ProjectSettings, ProjectSettingsPatch } from '@closeloop/sdk/schemas';
import { useServices } from '../../services.js';
import { useLoaded } from './use-loaded.js';

/** The project settings, read once for the page and saved one setting at a time (the server replaces each whole). */
export function useProjectSettings() {
  const { api } = useServices();
  const loaded = useLoaded(() => api.settings.get());
  const saving = useSignal(false);
  return {
    settings: loaded.data,
    error: loaded.error,
    reload: loaded.reload,
    async save(patch: ProjectSettingsPatch): Promise<ProjectSettings> {
      saving.value = true;
      try {
        const saved = await api.settings.patch(patch);
        loaded.data.value = saved;
        return saved;
      } finally {
        saving.value = false;
      }
    },
  };
}
export type ProjectSettingsModel = ReturnType<typeof useProjectSettings>;
