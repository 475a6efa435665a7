import { useSignal } from '@preact/signals';
import { BusinessHours } from '@closeloop/sdk/schemas';
import type { TargetedSubmitEvent } from 'preact';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { Field } from '../../ui/field.js';
import { useAction } from '../../ui/use-action.js';
import { schemaErrors } from './form-errors.js';
import type { FieldErrors } from './form-errors.js';
import type { ProjectSettingsModel } from './use-project-settings.js';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TIME_ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** When support works: a case's due time counts only these hours. Off: the SLA clock runs around the clock. */
export function BusinessHoursSection({ model }: { model: ProjectSettingsModel }) {
  const { toasts } = useServices();
  // Rendered once the settings are loaded (see SettingsPage), so the form starts from what is stored.
  const stored = model.settings.value?.businessHours ?? null;
  const enabled = useSignal(stored !== null);
  const timeZone = useSignal(stored?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const days = useSignal<number[]>(stored?.days ?? [1, 2, 3, 4, 5]);
  const start = useSignal(stored?.start ?? '09:00');
  const end = useSignal(stored?.end ?? '17:00');
  const errors = useSignal<FieldErrors>({});
  const save = useAction();

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    let businessHours = null;
    if (enabled.value) {
      const checked = schemaErrors(BusinessHours, { timeZone: timeZone.value.trim(), days: [...days.value].sort(), start: start.value, end: end.value }, 'businessHours');
      errors.value = checked.errors ?? {};
      if (checked.data === null) return;
      businessHours = checked.data;
    } else {
      errors.value = {};
    }
    if (await save.run(() => model.save({ businessHours }))) toasts.show('success', businessHours ? 'Business hours saved: new cases are due within them.' : 'The SLA clock now runs around the clock.');
  }

  const errorOf = (field: string) => errors.value[`businessHours.${field}`] ?? save.issueAt(`businessHours.${field}`);
  return (
    <section class="card settings-section" id="sla" aria-labelledby="sla-title">
      <h2 id="sla-title">Business hours and SLA</h2>
      <p class="muted">
        Each survey's follow-up rule says how soon a case is due (<code>dueIn</code>, 48 hours unless the survey sets another). With business hours, those
        hours count only while support works; an overdue case escalates once, to its assignee and team.
      </p>
      <form onSubmit={submit} noValidate aria-label="Business hours">
        <label class="checkbox">
          <input type="checkbox" name="businessHoursEnabled" checked={enabled.value} onChange={(e) => (enabled.value = e.currentTarget.checked)} /> Count due times in
          business hours
        </label>
        {enabled.value && (
          <>
            <Field label="Time zone" error={errorOf('timeZone')} hint="An IANA time zone, e.g. Europe/Stockholm; daylight saving is followed.">
              {(control) => <input {...control} name="timeZone" list="time-zones" value={timeZone.value} onInput={(e) => (timeZone.value = e.currentTarget.value)} />}
            </Field>
            <datalist id="time-zones">
              {TIME_ZONES.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            <fieldset>
              <legend>Days</legend>
              <div class="checkbox-grid">
                {DAYS.map((day, index) => (
                  <label key={day}>
                    <input
                      type="checkbox"
                      name="days"
                      value={String(index + 1)}
                      checked={days.value.includes(index + 1)}
                      onChange={(e) => (days.value = e.currentTarget.checked ? [...days.value, index + 1] : days.value.filter((d) => d !== index + 1))}
                    />{' '}
                    {day}
                  </label>
                ))}
              </div>
              {errorOf('days') && <p class="field-error">{errorOf('days')}</p>}
            </fieldset>
            <div class="field-pair">
              <Field label="From" error={errorOf('start')}>
                {(control) => <input {...control} name="start" type="time" value={start.value} onInput={(e) => (start.value = e.currentTarget.value)} />}
              </Field>
              <Field label="Until" error={errorOf('end')}>
                {(control) => <input {...control} name="end" type="time" value={end.value} onInput={(e) => (end.value = e.currentTarget.value)} />}
              </Field>
            </div>
          </>
        )}
        {save.error.value && (
          <p class="form-error" role="alert">
            {save.error.value}
          </p>
        )}
        <Button type="submit" variant="primary" busy={save.busy.value}>
          Save business hours
        </Button>
      </form>
    </section>
  );
}
