import type { ComponentChildren } from 'preact';
import { Field } from '../../ui/field.js';
import { useDraft } from './draft-context.js';
import type { DraftPath } from './draft-path.js';

interface BoundProps {
  label: ComponentChildren;
  path: DraftPath;
  hint?: ComponentChildren;
}

/**
 * Form controls bound to one place in the survey draft, each with the schema's error for that place beside it. An
 * emptied optional field is removed from the draft (not set to ""), so "left blank" means "use the default".
 */
export function TextField({ label, path, hint, multiline = false, keepEmpty = false, type = 'text' }: BoundProps & { multiline?: boolean; keepEmpty?: boolean; type?: 'text' | 'url' }) {
  const { draft } = useDraft();
  const value = draft.get(path);
  const text = typeof value === 'string' ? value : '';
  const set = (next: string) => draft.set(path, next === '' && !keepEmpty ? undefined : next);
  return (
    <Field label={label} error={draft.errorAt(path)} hint={hint}>
      {(control) =>
        multiline ? (
          <textarea {...control} rows={3} value={text} onInput={(event) => set(event.currentTarget.value)} />
        ) : (
          <input {...control} type="text" inputMode={type === 'url' ? 'url' : undefined} value={text} onInput={(event) => set(event.currentTarget.value)} />
        )
      }
    </Field>
  );
}

/** A number; blank removes it. Text that is not a number stays in the field and the draft, so the schema names it. */
export function NumberField({ label, path, hint, step = 1, min, max }: BoundProps & { step?: number | 'any'; min?: number; max?: number }) {
  const { draft } = useDraft();
  const value = draft.get(path);
  return (
    <Field label={label} error={draft.errorAt(path)} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="decimal"
          step={step}
          min={min}
          max={max}
          value={typeof value === 'number' ? String(value) : ''}
          onInput={(event) => {
            const raw = event.currentTarget.value;
            draft.set(path, raw === '' ? undefined : Number.isNaN(Number(raw)) ? raw : Number(raw));
          }}
        />
      )}
    </Field>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** One of a few values. `blank` adds a first choice that removes the value (the schema's default applies). */
export function SelectField({
  label,
  path,
  hint,
  choices,
  blank,
  onChange,
  value: shown,
}: BoundProps & { choices: readonly Choice[]; blank?: string; onChange?: (value: string | undefined) => void; value?: string }) {
  const { draft } = useDraft();
  const value = shown ?? draft.get(path);
  return (
    <Field label={label} error={draft.errorAt(path)} hint={hint}>
      {(control) => (
        <select
          {...control}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => {
            const next = event.currentTarget.value === '' && blank !== undefined ? undefined : event.currentTarget.value;
            if (onChange) onChange(next);
            else draft.set(path, next);
          }}
        >
          {blank !== undefined && <option value="">{blank}</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A yes/no setting; `fallback` is what the schema assumes when the draft does not say. */
export function CheckField({ label, path, fallback = false, hint }: BoundProps & { fallback?: boolean }) {
  const { draft } = useDraft();
  const value = draft.get(path);
  const error = draft.errorAt(path);
  return (
    <div class={error ? 'field field-check field-invalid' : 'field field-check'}>
      <label>
        <input type="checkbox" checked={typeof value === 'boolean' ? value : fallback} onChange={(event) => draft.set(path, event.currentTarget.checked)} /> {label}
      </label>
      {hint && <p class="field-hint">{hint}</p>}
      {error && <p class="field-error">{error}</p>}
    </div>
  );
}

/**
 * A list given as comma-separated text (`fr, de, pt-BR`). Blank removes the list; the items are checked one by one
 * by the schema, whose message names the item (`languages.1`) and is shown here.
 */
export function ListField({ label, path, hint, numbers = false }: BoundProps & { numbers?: boolean }) {
  const { draft } = useDraft();
  const value = draft.get(path);
  const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';
  const errors = Array.isArray(value) ? value.map((_, i) => draft.errorAt([...path, i])).filter(Boolean) : [];
  const error = [draft.errorAt(path), ...errors].filter(Boolean).join('; ') || undefined;
  return (
    <Field label={label} error={error} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={text}
          onChange={(event) => {
            const items = event.currentTarget.value
              .split(',')
              .map((item) => item.trim())
              .filter(Boolean);
            draft.set(path, items.length === 0 ? undefined : items.map((item) => (numbers && item !== '' && !Number.isNaN(Number(item)) ? Number(item) : item)));
          }}
        />
      )}
    </Field>
  );
}

/** The schema's message about a whole list or group (`options`: at least 2), where no single field holds it. */
export function GroupError({ path }: { path: DraftPath }) {
  const { draft } = useDraft();
  const error = draft.errorAt(path);
  return error ? <p class="field-error">{error}</p> : null;
}
