import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/** Data a section reads when it appears, with the failure as a sentence and a way to read it again. */
export function useLoaded<T>(load: () => Promise<T>) {
  const data = useSignal<T | null>(null);
  const error = useSignal<string | null>(null);
  async function reload() {
    try {
      data.value = await load();
      error.value = null;
    } catch (caught) {
      error.value = caught instanceof Error ? caught.message : String(caught);
    }
  }
  useEffect(() => {
    void reload();
  }, []);
  return { data, error, reload };
}
