import { signal } from '@preact/signals';
import type { CaseDetail, FollowUp } from '@closeloop/sdk/schemas';
import { ApiError } from '../../api/api-error.js';
import type { FollowUpsApi } from '../../api/follow-ups.js';

/** Said when a change was made against an older version of the case than the server's (409). */
export const CHANGED_ELSEWHERE = 'Someone else changed this case while you had it open. It has been reloaded with their change: check it, then try again.';

/**
 * One case as signals: its detail (case, customer, timeline), and `change`, which runs a write against the version
 * shown and re-reads the case afterwards, so the timeline shows the new event. A 409 (someone else changed it)
 * reloads the case and says so; the caller gets the error to show beside its form.
 */
export function createCaseModel(api: Pick<FollowUpsApi, 'get'>, id: string) {
  const detail = signal<CaseDetail | null>(null);
  const loadError = signal<string | null>(null);
  const conflict = signal<string | null>(null);

  async function load() {
    try {
      detail.value = await api.get(id);
      loadError.value = null;
    } catch (error) {
      loadError.value = error instanceof ApiError && error.status === 404 ? 'There is no such case in this project.' : error instanceof Error ? error.message : String(error);
    }
  }

  return {
    detail,
    loadError,
    conflict,
    load,
    /** Runs `write` with the version shown; resolves to true when it went through. */
    async change(write: (version: number) => Promise<FollowUp>): Promise<true> {
      const shown = detail.peek();
      if (!shown) throw new Error('the case is not loaded yet');
      conflict.value = null;
      try {
        await write(shown.case.version);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409 && error.code === 'version_conflict') {
          conflict.value = CHANGED_ELSEWHERE;
          await load();
        }
        throw error;
      }
      await load();
      return true;
    },
  };
}
export type CaseModel = ReturnType<typeof createCaseModel>;
