import './results.css';
import { useSignal } from '@preact/signals';
import type { ListedResponse, ScoreGroup } from '@closeloop/sdk/schemas';
import { useLocation } from 'preact-iso';
import { useEffect, useMemo } from 'preact/hooks';
import { exportUrl } from '../../api/results.js';
import { useLookups } from '../../cases/use-lookups.js';
import { consolePath } from '../../paths.js';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { EmptyState } from '../../ui/empty-state.js';
import { ErrorMessage } from '../../ui/error-message.js';
import { GROUP_WORDS } from './result-words.js';
import { ResponseItem } from './response-item.js';
import { ResultsFilterBar } from './results-filter-bar.js';
import { responsesQueryOf, responsesViewFromUrl, responsesViewSearch } from './responses-query.js';
import type { ResponsesView } from './responses-query.js';
import { useLoaded } from './use-loaded.js';

const PAGE_SIZE = 50;
const GROUPS: (ScoreGroup | undefined)[] = [undefined, 'detractor', 'passive', 'promoter'];
const READS: { read: 'true' | 'false' | undefined; label: string }[] = [
  { read: undefined, label: 'Read and unread' },
  { read: 'false', label: 'Unread' },
  { read: 'true', label: 'Read' },
];

/**
 * The responses behind the results, newest first: by score group and read state (each a link, so a view is a URL),
 * the results' filters, each response with its case; marks read or unread for the signed-in member, one or all shown.
 */
export function ResponsesPage() {
  const { api, toasts } = useServices();
  const location = useLocation();
  const { lookups } = useLookups(api);
  const now = useMemo(() => new Date(), []);
  const { view, problems } = responsesViewFromUrl(location.query, now);
  const query = responsesQueryOf(view);
  const shown = useSignal<ListedResponse[]>([]);
  const nextCursor = useSignal<string | null>(null);
  const busyIds = useSignal<Set<string>>(new Set());
  const loadingMore = useSignal(false);

  useEffect(() => {
    document.title = 'Responses · Closeloop';
  }, []);

  const first = useLoaded(JSON.stringify(view), async () => {
    const page = await api.results.responses({ ...query, limit: PAGE_SIZE });
    shown.value = page.data;
    nextCursor.value = page.nextCursor;
    return page;
  });

  const link = (next: Partial<ResponsesView>) => consolePath('/results/responses') + responsesViewSearch({ ...view, ...next });
  const surveyName = (id: string) => lookups.value.surveys.find((s) => s.id === id)?.name ?? id;

  async function mark(ids: string[], read: boolean) {
    busyIds.value = new Set([...busyIds.peek(), ...ids]);
    try {
      await api.results.mark(ids, read);
      const marked = new Set(ids);
      shown.value = shown.peek().map((r) => (marked.has(r.id) ? { ...r, read } : r));
    } catch (error) {
      toasts.show('error', `Could not mark ${ids.length === 1 ? 'the response' : 'the responses'} ${read ? 'read' : 'unread'}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      busyIds.value = new Set([...busyIds.peek()].filter((id) => !ids.includes(id)));
    }
  }

  async function loadMore() {
    const cursor = nextCursor.peek();
    if (cursor === null) return;
    loadingMore.value = true;
    try {
      const page = await api.results.responses({ ...query, limit: PAGE_SIZE, cursor });
      const known = new Set(shown.peek().map((r) => r.id));
      shown.value = [...shown.peek(), ...page.data.filter((r) => !known.has(r.id))];
      nextCursor.value = page.nextCursor;
    } catch (error) {
      toasts.show('error', `Could not load more responses: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      loadingMore.value = false;
    }
  }

  const responses = shown.value;
  const unread = responses.filter((r) => r.read === false).map((r) => r.id);
  return (
    <section class="page responses" aria-labelledby="responses-title">
      <div class="page-head">
        <h1 id="responses-title">Responses</h1>
        <div class="downloads">
          <a class="button" href={consolePath('/results') + responsesViewSearch({ filters: view.filters })}>
            Back to results
          </a>
          <a class="button" href={exportUrl('responses', query)} download>
            Download these (CSV)
          </a>
        </div>
      </div>
      {problems.length > 0 && (
        <p class="notice" role="status">
          Part of this link was not understood and is ignored: {problems.join('; ')}.
        </p>
      )}
      <nav aria-label="Score group" class="view-tabs">
        {GROUPS.map((group) => (
          <a key={group ?? 'all'} href={link({ group })} aria-current={view.group === group ? 'page' : undefined}>
            {group ? GROUP_WORDS[group].many : 'All answers'}
          </a>
        ))}
      </nav>
      <nav aria-label="Read state" class="view-tabs">
        {READS.map(({ read, label }) => (
          <a key={label} href={link({ read })} aria-current={view.read === read ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      <ResultsFilterBar filters={view.filters} surveys={lookups.value.surveys} withInterval={false} onChange={(filters) => location.route(link({ filters }))} />
      {first.error.value && <ErrorMessage message={first.error.value} onRetry={first.reload} />}
      <p class="visually-hidden" role="status">
        {first.loading.value ? 'Loading responses…' : `${responses.length} responses shown`}
      </p>
      {unread.length > 0 && (
        <Button onClick={() => void mark(unread, true)} busy={unread.some((id) => busyIds.value.has(id))}>
          Mark the {unread.length} shown as read
        </Button>
      )}
      {responses.length > 0 ? (
        <ul class="response-list" aria-label="Responses, newest first">
          {responses.map((response) => (
            <ResponseItem key={response.id} response={response} surveyName={surveyName(response.surveyId)} busy={busyIds.value.has(response.id)} onMark={(read) => void mark([response.id], read)} />
          ))}
        </ul>
      ) : (
        !first.loading.value &&
        !first.error.value && (
          <EmptyState title="No responses here">
            <p>Try another group, a longer period or fewer filters.</p>
          </EmptyState>
        )
      )}
      {nextCursor.value !== null && (
        <Button onClick={() => void loadMore()} busy={loadingMore.value}>
          Load more responses
        </Button>
      )}
    </section>
  );
}
