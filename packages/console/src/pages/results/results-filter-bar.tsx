import type { SurveyDefinition } from '@closeloop/sdk/schemas';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { Button } from '../../ui/button.js';
import { Field } from '../../ui/field.js';
import type { ResultsFilters } from './results-query.js';

interface FilterBarProps {
  filters: ResultsFilters;
  surveys: SurveyDefinition[];
  /** Whether to offer day/week (the chart's), not on the responses list. */
  withInterval?: boolean;
  onChange: (filters: ResultsFilters) => void;
}

/**
 * The results' filters: survey, page, one attribute, dates, and (for the chart) day or week. Applied together with
 * the button (or Enter), so typing a page does not reload the figures at every key.
 */
export function ResultsFilterBar({ filters, surveys, withInterval = true, onChange }: FilterBarProps) {
  const draft = useSignal(filters);
  useEffect(() => {
    draft.value = filters;
  }, [JSON.stringify(filters)]);
  const set = (patch: Partial<ResultsFilters>) => (draft.value = { ...draft.value, ...patch });
  const d = draft.value;
  const empty = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return (
    <form
      class="results-filters"
      aria-label="Filters"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(draft.value);
      }}
    >
      <div class="results-filter-grid">
        <Field label="Survey">
          {(control) => (
            <select {...control} value={d.surveyId ?? ''} onChange={(e) => set({ surveyId: empty(e.currentTarget.value) })}>
              <option value="">All surveys</option>
              {surveys.map((survey) => (
                <option key={survey.id} value={survey.id}>
                  {survey.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Page" hint="A path: /checkout, or /products/* for many">
          {(control) => <input {...control} type="text" value={d.page ?? ''} placeholder="/checkout" onInput={(e) => set({ page: empty(e.currentTarget.value) })} />}
        </Field>
        <Field label="Attribute" hint="A respondent attribute, such as plan">
          {(control) => <input {...control} type="text" value={d.attrName ?? ''} placeholder="plan" onInput={(e) => set({ attrName: empty(e.currentTarget.value) })} />}
        </Field>
        <Field label="Attribute value">
          {(control) => <input {...control} type="text" value={d.attrValue ?? ''} placeholder="pro" onInput={(e) => set({ attrValue: empty(e.currentTarget.value) })} />}
        </Field>
        <Field label="From">{(control) => <input {...control} type="date" required value={d.from} max={d.to} onInput={(e) => e.currentTarget.value && set({ from: e.currentTarget.value })} />}</Field>
        <Field label="To">{(control) => <input {...control} type="date" required value={d.to} min={d.from} onInput={(e) => e.currentTarget.value && set({ to: e.currentTarget.value })} />}</Field>
        {withInterval && (
          <Field label="Per">
            {(control) => (
              <select {...control} value={d.interval} onChange={(e) => set({ interval: e.currentTarget.value === 'week' ? 'week' : 'day' })}>
                <option value="day">Day</option>
                <option value="week">Week</option>
              </select>
            )}
          </Field>
        )}
      </div>
      <Button type="submit" variant="primary">
        Apply filters
      </Button>
    </form>
  );
}
