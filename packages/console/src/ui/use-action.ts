import { useSignal } from '@preact/signals';
import { ApiError } from '../api/api-error.js';

/**
 * A form's or button's request: `busy` while it runs, then the failure as a sentence (`error`) and per field
 * (`issueAt`, from the server's 422 issues). Resolves to whether it went through.
 */
export function useAction() {
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);
  const failure = useSignal<ApiError | null>(null);
  return {
    busy,
    error,
    issueAt: (name: string) => failure.value?.issueAt(name),
    reset() {
      error.value = null;
      failure.value = null;
    },
    async run(action: () => Promise<unknown>): Promise<boolean> {
      busy.value = true;
      error.value = null;
      failure.value = null;
      try {
        await action();
        return true;
      } catch (caught) {
        failure.value = caught instanceof ApiError ? caught : null;
        error.value = caught instanceof Error ? caught.message : String(caught);
        return false;
      } finally {
        busy.value = false;
      }
    },
  };
}
