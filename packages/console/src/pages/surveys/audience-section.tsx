import { useDraft } from './draft-context.js';
import { ListField, NumberField, SelectField } from './draft-fields.js';
import { Field } from '../../ui/field.js';
import { PropertyFilters } from './property-filters.js';
import { UrlRulesFields } from './url-rules-fields.js';

const DEVICES = ['desktop', 'tablet', 'mobile'] as const;

/** Who may see the survey (targeting) and how often (frequency caps). */
export function AudienceSection() {
  const { draft } = useDraft();
  const devices = (draft.get(['targeting', 'devices']) as string[] | undefined) ?? [];
  const urls = draft.get(['targeting', 'urls']) !== undefined;
  const mode = (draft.get(['frequency', 'mode']) as string | undefined) ?? 'until-answered';
  return (
    <section class="editor-section" aria-labelledby="audience-heading">
      <h2 id="audience-heading">Targeting and frequency</h2>
      <SelectField
        label="Visitors"
        path={['targeting', 'audience']}
        value={(draft.get(['targeting', 'audience']) as string | undefined) ?? 'all'}
        choices={[
          { value: 'all', label: 'Everyone' },
          { value: 'identified', label: 'Only identified users' },
          { value: 'anonymous', label: 'Only anonymous visitors' },
        ]}
      />
      <fieldset class="subgroup">
        <legend>Devices (none ticked: all)</legend>
        <div class="field-row">
          {DEVICES.map((device) => (
            <div class="field field-check" key={device}>
              <label>
                <input
                  type="checkbox"
                  checked={devices.includes(device)}
                  onChange={(event) => {
                    const next = event.currentTarget.checked ? [...devices, device] : devices.filter((d) => d !== device);
                    draft.set(['targeting', 'devices'], next.length ? DEVICES.filter((d) => next.includes(d)) : undefined);
                  }}
                />{' '}
                {device}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div class="field-row">
        <ListField label="Browser languages" path={['targeting', 'languages']} hint="Comma-separated: fr matches fr-CA. Blank: all." />
        <NumberField label="Share of visitors (%)" path={['targeting', 'samplePercent']} min={0} max={100} step="any" />
      </div>
      <div class="field-row">
        <DateField label="From" path={['targeting', 'startAt']} />
        <DateField label="Until" path={['targeting', 'endAt']} />
      </div>
      <div class="field field-check">
        <label>
          <input
            type="checkbox"
            checked={urls}
            onChange={(event) => draft.set(['targeting', 'urls'], event.currentTarget.checked ? { match: 'any', rules: [{ op: 'starts-with', value: '/' }] } : undefined)}
          />{' '}
          Only on some pages
        </label>
      </div>
      {urls && <UrlRulesFields path={['targeting', 'urls']} legend="Pages where it may show" />}
      <PropertyFilters path={['targeting', 'attributes']} legend="Only visitors whose identify() attributes match" noun="Attribute" />

      <fieldset class="subgroup">
        <legend>Frequency</legend>
        <SelectField
          label="Show it again"
          path={['frequency', 'mode']}
          value={mode}
          choices={[
            { value: 'until-answered', label: 'until answered or dismissed' },
            { value: 'once', label: 'never: once shown, done' },
            { value: 'every', label: 'every so many days' },
          ]}
          onChange={(next) => draft.set(['frequency'], { ...((draft.get(['frequency']) as object | undefined) ?? {}), mode: next, days: next === 'every' ? 30 : undefined })}
        />
        <div class="field-row">
          {mode === 'every' && <NumberField label="Every (days)" path={['frequency', 'days']} step="any" />}
          <NumberField label="At most (times)" path={['frequency', 'maxTimes']} min={1} />
          <NumberField label="Not within days of any survey" path={['frequency', 'cooldownDays']} step="any" min={0} />
        </div>
      </fieldset>
    </section>
  );
}

/** A date-time kept as ISO 8601 in UTC, shown in the member's local time. */
function DateField({ label, path }: { label: string; path: (string | number)[] }) {
  const { draft } = useDraft();
  const value = draft.get(path);
  const local = typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? toLocalInput(new Date(value)) : '';
  return (
    <Field label={label} error={draft.errorAt(path)}>
      {(control) => (
        <input
          {...control}
          type="datetime-local"
          value={local}
          onChange={(event) => {
            const raw = event.currentTarget.value;
            draft.set(path, raw === '' ? undefined : new Date(raw).toISOString());
          }}
        />
      )}
    </Field>
  );
}

function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
