import { useSignal } from '@preact/signals';
import { ProjectSettingsPatch } from '@closeloop/sdk/schemas';
import type { TargetedSubmitEvent } from 'preact';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { Field } from '../../ui/field.js';
import { useAction } from '../../ui/use-action.js';
import { schemaErrors } from './form-errors.js';
import type { FieldErrors } from './form-errors.js';
import type { ProjectSettingsModel } from './use-project-settings.js';

interface CauseRow {
  id: string;
  label: string;
}

/** An id from a label: `Checkout bug` → `checkout-bug`, the form the schema's Slug takes. */
function slugOf(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/** The causes cases are resolved with: the outer loop counts them, so the structural ones surface. */
export function RootCausesSection({ model }: { model: ProjectSettingsModel }) {
  const { toasts } = useServices();
  // Rendered once the settings are loaded (see SettingsPage), so the form starts from what is stored.
  const rows = useSignal<CauseRow[]>((model.settings.value?.rootCauses ?? []).map((c) => ({ ...c })));
  const errors = useSignal<FieldErrors>({});
  const save = useAction();

  const setRow = (index: number, row: CauseRow) => (rows.value = rows.value.map((r, i) => (i === index ? row : r)));

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const rootCauses = rows.value.filter((r) => r.label.trim() !== '' || r.id !== '').map((r) => ({ id: r.id || slugOf(r.label), label: r.label }));
    const checked = schemaErrors(ProjectSettingsPatch, { rootCauses });
    errors.value = checked.errors ?? {};
    if (checked.data === null) return;
    const patch = checked.data;
    if (await save.run(() => model.save(patch))) toasts.show('success', 'Root causes saved.');
  }

  const errorOf = (path: string) => errors.value[path] ?? save.issueAt(path);
  return (
    <section class="card settings-section" id="root-causes" aria-labelledby="root-causes-title">
      <h2 id="root-causes-title">Root causes</h2>
      <p class="muted">Agents pick one when resolving a case; the results count them over time. Removing one leaves the cases resolved with it as they are.</p>
      <form onSubmit={submit} noValidate aria-label="Root causes">
        {errorOf('rootCauses') && <p class="field-error">{errorOf('rootCauses')}</p>}
        <ol class="plain-list editable-rows">
          {rows.value.map((row, index) => (
            <li key={index} class="field-pair">
              <Field label={`Cause ${index + 1}`} error={errorOf(`rootCauses.${index}.label`)}>
                {(control) => <input {...control} name={`rootCause${index}`} value={row.label} onInput={(e) => setRow(index, { ...row, label: e.currentTarget.value })} />}
              </Field>
              <Field label="Id" error={errorOf(`rootCauses.${index}.id`)} hint={row.id === '' ? `Will be ${slugOf(row.label) || '…'}` : 'Stays when the label changes.'}>
                {(control) => <input {...control} name={`rootCauseId${index}`} value={row.id} onInput={(e) => setRow(index, { ...row, id: e.currentTarget.value })} />}
              </Field>
              <Button variant="quiet" onClick={() => (rows.value = rows.value.filter((_, i) => i !== index))} aria-label={`Remove cause ${index + 1}`}>
                Remove
              </Button>
            </li>
          ))}
        </ol>
        {save.error.value && !Object.keys(errors.value).length && (
          <p class="form-error" role="alert">
            {save.error.value}
          </p>
        )}
        <div class="row">
          <Button onClick={() => (rows.value = [...rows.value, { id: '', label: '' }])}>Add a cause</Button>
          <Button type="submit" variant="primary" busy={save.busy.value}>
            Save root causes
          </Button>
        </div>
      </form>
    </section>
  );
}
