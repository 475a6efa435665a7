import { Button } from '../../ui/button.js';
import { Field } from '../../ui/field.js';
import { useDraft } from './draft-context.js';
import { GroupError, SelectField, TextField } from './draft-fields.js';
import type { DraftPath } from './draft-path.js';

const OPS = [
  { value: 'eq', label: 'is' },
  { value: 'neq', label: 'is not' },
  { value: 'gt', label: 'is more than' },
  { value: 'gte', label: 'is at least' },
  { value: 'lt', label: 'is less than' },
  { value: 'lte', label: 'is at most' },
  { value: 'contains', label: 'contains' },
  { value: 'in', label: 'is one of (comma-separated)' },
  { value: 'exists', label: 'is set' },
];
const NUMERIC = new Set(['gt', 'gte', 'lt', 'lte']);

/**
 * The value as the operator wants it: a number for comparisons, a list for `in`, nothing for `exists`, else the
 * text with `true`/`false` and numbers read as such (an attribute `plan eq "pro"`, `seats eq 10`, `trial eq true`).
 */
export function filterValue(op: string, text: string): unknown {
  if (op === 'exists' || text.trim() === '') return undefined;
  const scalar = (item: string) => (item.trim() !== '' && !Number.isNaN(Number(item)) ? Number(item) : item.trim());
  if (op === 'in') return text.split(',').map(scalar).filter((item) => item !== '');
  if (NUMERIC.has(op)) return scalar(text);
  if (op === 'contains') return text;
  return text === 'true' ? true : text === 'false' ? false : scalar(text);
}

/** Property filters (`PropertyFilter[]`): tests of an event's properties or of `identify()` attributes. */
export function PropertyFilters({ path, legend, noun }: { path: DraftPath; legend: string; noun: string }) {
  const { draft, readOnly } = useDraft();
  const filters = (draft.get(path) as { op?: string; value?: unknown }[] | undefined) ?? [];
  return (
    <fieldset class="subgroup">
      <legend>{legend}</legend>
      <GroupError path={path} />
      {filters.map((filter, i) => {
        const op = filter.op ?? 'eq';
        const valuePath = [...path, i, 'value'];
        const shown = Array.isArray(filter.value) ? filter.value.join(', ') : filter.value === undefined ? '' : String(filter.value);
        return (
          <div class="field-row item-row" key={i}>
            <TextField label={`${noun} ${i + 1}`} path={[...path, i, 'property']} keepEmpty />
            <SelectField label="Test" path={[...path, i, 'op']} choices={OPS} onChange={(next) => draft.set([...path, i], { ...filter, op: next, value: filterValue(next ?? 'eq', shown) })} />
            {op !== 'exists' && (
              <Field label="Value" error={draft.errorAt(valuePath)}>
                {(control) => <input {...control} type="text" value={shown} onChange={(event) => draft.set(valuePath, filterValue(op, event.currentTarget.value))} />}
              </Field>
            )}
            {!readOnly && (
              <Button class="item-remove" onClick={() => draft.remove(path, i)} aria-label={`Remove ${noun.toLowerCase()} test ${i + 1}`}>
                Remove
              </Button>
            )}
          </div>
        );
      })}
      {!readOnly && <Button onClick={() => draft.set([...path, filters.length], { property: '', op: 'eq', value: '' })}>Add a test</Button>}
    </fieldset>
  );
}
