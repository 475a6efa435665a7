import { useSignal } from '@preact/signals';
import { useLocation } from 'preact-iso/router';
import { useEffect, useMemo } from 'preact/hooks';
import { followCaseEvents } from '../../api/events.js';
import { useLookups } from '../../cases/use-lookups.js';
import { casePath, consolePath } from '../../paths.js';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { EmptyState } from '../../ui/empty-state.js';
import { ErrorMessage } from '../../ui/error-message.js';
import { useNow } from '../../ui/use-now.js';
import { useShortcuts } from '../../ui/use-shortcuts.js';
import { CaseRow } from './case-row.js';
import { InboxFilterBar } from './inbox-filters.js';
import { createInboxModel } from './inbox-model.js';
import { inboxQueryFromUrl, inboxSearch, listQueryOf } from './inbox-query.js';
import type { InboxQuery } from './inbox-query.js';
import { ShortcutsDialog } from './shortcuts-dialog.js';

/** Live updates arrive in bursts (a case opened and routed is two events): one re-read per burst. */
const REFRESH_DEBOUNCE_MS = 300;

/** The queue: views, filters, counts, cases most urgent first, updated live, worked from the keyboard. */
export function InboxPage() {
  const services = useServices();
  const { api, session, toasts } = services;
  const location = useLocation();
  const model = useMemo(() => createInboxModel(api.followUps), [api]);
  const { lookups, error: lookupError } = useLookups(api);
  const now = useNow();
  const selected = useSignal(0);
  const showShortcuts = useSignal(false);
  const { query, problems } = inboxQueryFromUrl(location.query);
  const queryKey = JSON.stringify(listQueryOf(query));

  useEffect(() => {
    document.title = 'Inbox · Closeloop';
  }, []);

  useEffect(() => {
    selected.value = 0;
    void model.show(listQueryOf(query));
  }, [queryKey]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = followCaseEvents(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void model.refresh(), REFRESH_DEBOUNCE_MS);
    }, services.EventSource);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [model]);

  const cases = model.cases.value;
  const current = cases[Math.min(selected.value, cases.length - 1)];

  function change(next: InboxQuery) {
    location.route(consolePath('/inbox') + inboxSearch(next), true);
  }

  function move(by: number) {
    if (cases.length === 0) return;
    selected.value = Math.max(0, Math.min(cases.length - 1, selected.value + by));
    document.querySelector<HTMLElement>(`[data-case-id="${cases[selected.value]!.id}"]`)?.focus();
  }

  async function assignToMe() {
    const user = session.user.peek();
    if (!current || !user) return;
    if (!session.can('cases:write')) {
      toasts.show('error', 'Your role can read cases but not change them.');
      return;
    }
    try {
      await api.followUps.update(current.id, { assigneeId: user.id, version: current.version });
      toasts.show('success', 'Assigned to you.');
    } catch (error) {
      toasts.show('error', `Could not assign the case: ${error instanceof Error ? error.message : String(error)}`);
    }
    await model.refresh();
  }

  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    Enter: () => current && location.route(casePath(current.id)),
    a: () => void assignToMe(),
    e: () => current && session.can('cases:write') && location.route(`${casePath(current.id)}?resolve=1`),
    '?': () => (showShortcuts.value = true),
  });

  return (
    <section class="page inbox" aria-labelledby="inbox-title">
      <div class="page-head">
        <h1 id="inbox-title">Inbox</h1>
        <Button onClick={() => (showShortcuts.value = true)} aria-keyshortcuts="?">
          Keyboard shortcuts
        </Button>
      </div>
      {problems.length > 0 && (
        <p class="notice" role="status">
          Part of this link was not understood and is ignored: {problems.join('; ')}.
        </p>
      )}
      {lookupError.value && <p class="notice">{lookupError.value}</p>}
      <InboxFilterBar query={query} counts={model.counts.value} lookups={lookups.value} onChange={change} />
      <p class="visually-hidden" role="status">
        {model.loading.value ? 'Loading cases…' : `${cases.length} cases shown`}
      </p>
      {model.error.value && <ErrorMessage message={model.error.value} onRetry={() => void model.refresh()} />}
      {cases.length > 0 ? (
        <ul class="case-list" aria-label="Cases, most urgent first">
          {cases.map((followUp, index) => (
            <CaseRow key={followUp.id} followUp={followUp} lookups={lookups.value} now={now} selected={followUp === current} onSelect={() => (selected.value = index)} />
          ))}
        </ul>
      ) : (
        !model.loading.value &&
        !model.error.value && (
          <EmptyState title="No cases here">
            <p>New cases appear here by themselves as customers answer. Try another view or fewer filters.</p>
          </EmptyState>
        )
      )}
      {model.nextCursor.value !== null && (
        <Button onClick={() => void model.loadMore()} busy={model.loadingMore.value}>
          Load more cases
        </Button>
      )}
      <ShortcutsDialog open={showShortcuts.value} onClose={() => (showShortcuts.value = false)} />
    </section>
  );
}
