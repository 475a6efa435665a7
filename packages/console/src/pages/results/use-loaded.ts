import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/**
 * A read that follows its inputs: runs `load` whenever `key` changes, keeps the latest reply (a reply to an older key
 * is dropped), and says what failed in words. `reload` runs it again for the same key.
 */
export function useLoaded<T>(key: string, load: () => Promise<T>) {
  const data = useSignal<T | null>(null);
  const error = useSignal<string | null>(null);
  const loading = useSignal(true);
  const generation = useSignal(0);
  const run = () => {
    const mine = ++generation.value;
    loading.value = true;
    load().then(
      (value) => {
        if (mine !== generation.peek()) return;
        data.value = value;
        error.value = null;
        loading.value = false;
      },
      (failure: unknown) => {
        if (mine !== generation.peek()) return;
        error.value = failure instanceof Error ? failure.message : String(failure);
        loading.value = false;
      },
    );
  };
  useEffect(run, [key]);
  return { data, error, loading, reload: run };
}
