import { useSignal } from '@preact/signals';
import type { FollowUpCounts, FollowUpStatus } from '@closeloop/sdk/schemas';
import { FollowUpPriority, FollowUpStatus as Statuses } from '@closeloop/sdk/schemas';
import { PRIORITY_WORDS, STATUS_WORDS } from '../../cases/case-words.js';
import type { Lookups } from '../../cases/use-lookups.js';
import { consolePath } from '../../paths.js';
import { Field } from '../../ui/field.js';
import { VIEWS, VIEW_WORDS, inboxSearch } from './inbox-query.js';
import type { InboxFilters, InboxQuery } from './inbox-query.js';

interface InboxFiltersProps {
  query: InboxQuery;
  counts: FollowUpCounts | null;
  lookups: Lookups;
  onChange: (query: InboxQuery) => void;
}

/** The views (links, so each is a URL), the status chips with their counts, and the filters. */
export function InboxFilterBar({ query, counts, lookups, onChange }: InboxFiltersProps) {
  // On a phone the filters fold away behind one button (the CSS shows them always on wider screens).
  const filtersOpen = useSignal(false);
  const set = Object.entries(query.filters).filter(([name, value]) => name !== 'status' && value !== undefined).length;
  const setFilter = (name: keyof InboxFilters, value: string) => onChange({ ...query, filters: { ...query.filters, [name]: value === '' ? undefined : value } });
  const total = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : null;
  // The views mine and unassigned decide the assignee themselves.
  const assigneeByView = query.view === 'mine' || query.view === 'unassigned';
  return (
    <div class="inbox-filters">
      <nav aria-label="Views" class="view-tabs">
        {VIEWS.map((view) => (
          <a key={view} href={consolePath('/inbox') + inboxSearch({ ...query, view })} aria-current={query.view === view ? 'page' : undefined}>
            {VIEW_WORDS[view]}
          </a>
        ))}
      </nav>
      <div role="group" aria-label="Status" class="status-chips">
        <button type="button" class="chip" aria-pressed={query.filters.status === undefined} onClick={() => setFilter('status', '')}>
          Any status{total === null ? '' : ` (${total})`}
        </button>
        {Statuses.options.map((status: FollowUpStatus) => (
          <button key={status} type="button" class="chip" aria-pressed={query.filters.status === status} onClick={() => setFilter('status', status)}>
            {STATUS_WORDS[status]}
            {counts ? ` (${counts[status] ?? 0})` : ''}
          </button>
        ))}
      </div>
      <button type="button" class="button filters-toggle" aria-expanded={filtersOpen.value} aria-controls="inbox-filter-grid" onClick={() => (filtersOpen.value = !filtersOpen.value)}>
        Filters{set > 0 ? ` (${set} set)` : ''}
      </button>
      <div id="inbox-filter-grid" class={filtersOpen.value ? 'filter-grid open' : 'filter-grid'}>
        {!assigneeByView && (
          <Field label="Assignee">
            {(control) => (
              <select {...control} value={query.filters.assignee ?? ''} onChange={(e) => setFilter('assignee', e.currentTarget.value)}>
                <option value="">Anyone</option>
                <option value="me">Me</option>
                <option value="none">Nobody</option>
                {lookups.members.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="Team">
          {(control) => (
            <select {...control} value={query.filters.team ?? ''} onChange={(e) => setFilter('team', e.currentTarget.value)}>
              <option value="">Any team</option>
              <option value="none">No team</option>
              {lookups.teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Survey">
          {(control) => (
            <select {...control} value={query.filters.surveyId ?? ''} onChange={(e) => setFilter('surveyId', e.currentTarget.value)}>
              <option value="">Any survey</option>
              {lookups.surveys.map((survey) => (
                <option key={survey.id} value={survey.id}>
                  {survey.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Priority">
          {(control) => (
            <select {...control} value={query.filters.priority ?? ''} onChange={(e) => setFilter('priority', e.currentTarget.value)}>
              <option value="">Any priority</option>
              {FollowUpPriority.options.map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_WORDS[priority]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Source">
          {(control) => (
            <select {...control} value={query.filters.source ?? ''} onChange={(e) => setFilter('source', e.currentTarget.value)}>
              <option value="">Any source</option>
              <option value="survey">Survey answer</option>
              <option value="feedback">Feedback button</option>
            </select>
          )}
        </Field>
      </div>
    </div>
  );
}
