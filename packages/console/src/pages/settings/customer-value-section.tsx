import { useSignal } from '@preact/signals';
import { CustomerValue, FollowUpPriority } from '@closeloop/sdk/schemas';
import type { TargetedSubmitEvent } from 'preact';
import { PRIORITY_WORDS } from '../../cases/case-words.js';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { Field } from '../../ui/field.js';
import { useAction } from '../../ui/use-action.js';
import { schemaErrors } from './form-errors.js';
import type { FieldErrors } from './form-errors.js';
import type { ProjectSettingsModel } from './use-project-settings.js';

interface TierRow {
  /** A number (`at least`) or a comma-separated list of values (`one of`). */
  kind: 'min' | 'equals';
  value: string;
  priority: FollowUpPriority;
}

/** A tier as the form edits it, from the stored one. */
function rowOf(tier: CustomerValue['tiers'][number]): TierRow {
  return tier.min !== undefined ? { kind: 'min', value: String(tier.min), priority: tier.priority } : { kind: 'equals', value: (tier.equals ?? []).join(', '), priority: tier.priority };
}

/** A tier as the schema takes it: an empty or non-numeric `at least` stays text, so the schema names it. */
function tierOf(row: TierRow): unknown {
  if (row.kind === 'min') return { min: row.value.trim() === '' || Number.isNaN(Number(row.value)) ? row.value : Number(row.value), priority: row.priority };
  return { equals: row.value.split(',').map((v) => v.trim()).filter((v) => v !== ''), priority: row.priority };
}

/** Which customers matter most: the attribute that says so and its tiers, each raising a case's priority. */
export function CustomerValueSection({ model }: { model: ProjectSettingsModel }) {
  const { toasts } = useServices();
  // Rendered once the settings are loaded (see SettingsPage), so the form starts from what is stored.
  const stored = model.settings.value?.customerValue ?? null;
  const attribute = useSignal(stored?.attribute ?? '');
  const tiers = useSignal<TierRow[]>(stored ? stored.tiers.map(rowOf) : []);
  const errors = useSignal<FieldErrors>({});
  const save = useAction();

  const setTier = (index: number, row: TierRow) => (tiers.value = tiers.value.map((t, i) => (i === index ? row : t)));

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    let customerValue = null;
    if (attribute.value.trim() !== '' || tiers.value.length > 0) {
      const checked = schemaErrors(CustomerValue, { attribute: attribute.value.trim(), tiers: tiers.value.map(tierOf) }, 'customerValue');
      errors.value = checked.errors ?? {};
      if (checked.data === null) return;
      customerValue = checked.data;
    } else {
      errors.value = {};
    }
    if (await save.run(() => model.save({ customerValue }))) toasts.show('success', customerValue ? 'Customer value saved: it raises the priority of new cases.' : 'Priority now comes from the score alone.');
  }

  const errorOf = (path: string) => errors.value[`customerValue.${path}`] ?? save.issueAt(`customerValue.${path}`);
  return (
    <section class="card settings-section" id="customer-value" aria-labelledby="customer-value-title">
      <h2 id="customer-value-title">Customer value and priority</h2>
      <p class="muted">Name the signed identify() attribute that says what a customer is worth (mrr, plan); the first tier they fall in raises their case's priority, never lowers it. Leave both empty for priority from the score alone.</p>
      <form onSubmit={submit} noValidate aria-label="Customer value">
        <Field label="Attribute" error={errorOf('attribute')} hint="e.g. mrr or plan">
          {(control) => <input {...control} name="valueAttribute" value={attribute.value} onInput={(e) => (attribute.value = e.currentTarget.value)} />}
        </Field>
        {errorOf('tiers') && <p class="field-error">{errorOf('tiers')}</p>}
        <ol class="plain-list editable-rows">
          {tiers.value.map((tier, index) => (
            <li key={index} class="field-pair">
              <Field label={`Tier ${index + 1}: when the value is`}>
                {(control) => (
                  <select {...control} name={`tierKind${index}`} value={tier.kind} onChange={(e) => setTier(index, { ...tier, kind: e.currentTarget.value as TierRow['kind'] })}>
                    <option value="min">at least (a number)</option>
                    <option value="equals">one of (comma-separated)</option>
                  </select>
                )}
              </Field>
              <Field label="Value" error={errorOf(`tiers.${index}.${tier.kind}`) ?? errorOf(`tiers.${index}`)}>
                {(control) => <input {...control} name={`tierValue${index}`} value={tier.value} onInput={(e) => setTier(index, { ...tier, value: e.currentTarget.value })} />}
              </Field>
              <Field label="Priority at least" error={errorOf(`tiers.${index}.priority`)}>
                {(control) => (
                  <select {...control} name={`tierPriority${index}`} value={tier.priority} onChange={(e) => setTier(index, { ...tier, priority: e.currentTarget.value as FollowUpPriority })}>
                    {FollowUpPriority.options.map((p) => (
                      <option key={p} value={p}>
                        {PRIORITY_WORDS[p]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Button onClick={() => (tiers.value = tiers.value.filter((_, i) => i !== index))} aria-label={`Remove tier ${index + 1}`}>
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
          <Button onClick={() => (tiers.value = [...tiers.value, { kind: 'min', value: '', priority: 'high' }])}>Add a tier</Button>
          <Button type="submit" variant="primary" busy={save.busy.value}>
            Save customer value
          </Button>
        </div>
      </form>
    </section>
  );
}
