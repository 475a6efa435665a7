import { batch, signal } from '@preact/signals';
import type { FollowUp, FollowUpCounts, FollowUpListQueryInput } from '@closeloop/sdk/schemas';
import type { FollowUpsApi } from '../../api/follow-ups.js';

const PAGE_SIZE = 50;
/** The list endpoint's largest page: a refresh re-reads at most this many of the cases already shown. */
const MAX_PAGE = 200;

/**
 * The queue as signals: the cases shown (in the server's order, priority then due), the counts per status, the
 * cursor of the next page. `refresh` re-reads what is shown (a live update), `loadMore` appends the next page.
 */
export function createInboxModel(api: Pick<FollowUpsApi, 'list'>) {
  const cases = signal<FollowUp[]>([]);
  const counts = signal<FollowUpCounts | null>(null);
  const nextCursor = signal<string | null>(null);
  const loading = signal(false);
  const loadingMore = signal(false);
  const error = signal<string | null>(null);
  let query: FollowUpListQueryInput = {};
  // Each read gets a number; a reply to an older read (filters changed meanwhile) is dropped.
  let generation = 0;

  async function read(limit: number) {
    const mine = ++generation;
    loading.value = true;
    try {
      const page = await api.list({ ...query, limit });
      if (mine !== generation) return;
      batch(() => {
        cases.value = page.data;
        counts.value = page.counts;
        nextCursor.value = page.nextCursor;
        error.value = null;
      });
    } catch (failure) {
      if (mine === generation) error.value = failure instanceof Error ? failure.message : String(failure);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  return {
    cases,
    counts,
    nextCursor,
    loading,
    loadingMore,
    error,
    /** Shows the first page for a new query. */
    show(next: FollowUpListQueryInput) {
      query = next;
      cases.value = [];
      counts.value = null;
      nextCursor.value = null;
      return read(PAGE_SIZE);
    },
    /** Re-reads the cases shown (as many as are loaded), for live updates and after a change. */
    refresh() {
      return read(Math.min(MAX_PAGE, Math.max(PAGE_SIZE, cases.peek().length)));
    },
    async loadMore() {
      const cursor = nextCursor.peek();
      if (cursor === null || loadingMore.peek()) return;
      const mine = generation;
      loadingMore.value = true;
      try {
        const page = await api.list({ ...query, limit: PAGE_SIZE, cursor });
        if (mine !== generation) return;
        const shown = new Set(cases.peek().map((c) => c.id));
        batch(() => {
          cases.value = [...cases.peek(), ...page.data.filter((c) => !shown.has(c.id))];
          nextCursor.value = page.nextCursor;
          counts.value = page.counts;
        });
      } catch (failure) {
        error.value = failure instanceof Error ? failure.message : String(failure);
      } finally {
        loadingMore.value = false;
      }
    },
  };
}
export type InboxModel = ReturnType<typeof createInboxModel>;
