import type { TriggerType } from '@closeloop/sdk/schemas';
import { useSignal } from '@preact/signals';
import { Button } from '../../ui/button.js';
import { useDraft } from './draft-context.js';
import { CheckField, GroupError, NumberField, TextField } from './draft-fields.js';
import type { DraftPath } from './draft-path.js';
import { PropertyFilters } from './property-filters.js';
import { UrlRulesFields } from './url-rules-fields.js';

/**
 * Each trigger type with its words and the fields a new one starts with, in the order the editor offers them. A
 * Record over TriggerType: a type added to the contract fails the build here until it has both.
 */
const TRIGGER_TYPES: Record<TriggerType, { label: string; start: Record<string, unknown> }> = {
  'exit-intent': { label: 'Exit intent', start: {} },
  dwell: { label: 'Time on page', start: { seconds: 20 } },
  scroll: { label: 'Scroll depth', start: { percent: 50 } },
  click: { label: 'Click on an element', start: { selector: 'button' } },
  'page-view': { label: 'Page view', start: { urls: { match: 'any', rules: [{ op: 'starts-with', value: '/' }] } } },
  event: { label: 'Custom event (track)', start: { name: 'checkout_completed' } },
  visits: { label: 'Number of visits', start: { sessions: 3 } },
};

const TRIGGERS: readonly { value: TriggerType; label: string; start: Record<string, unknown> }[] = (Object.keys(TRIGGER_TYPES) as TriggerType[]).map(
  (value) => ({ value, ...TRIGGER_TYPES[value] }),
);

const labelOf = (type: unknown) => TRIGGERS.find((t) => t.value === type)?.label ?? String(type);

/** What shows the survey: any one trigger does; none means only `show(id)` from the page's code. */
export function TriggersSection() {
  const { draft, readOnly } = useDraft();
  const triggers = (draft.get(['triggers']) as { type?: TriggerType }[] | undefined) ?? [];
  const adding = useSignal<TriggerType>('dwell');
  return (
    <section class="editor-section" aria-labelledby="triggers-heading">
      <h2 id="triggers-heading">Triggers</h2>
      <p class="field-hint">Any one of them shows the survey. With none, it shows only when the page calls show().</p>
      <GroupError path={['triggers']} />
      {triggers.map((trigger, i) => (
        <fieldset class="subgroup" key={i}>
          <legend>
            Trigger {i + 1}: {labelOf(trigger.type)}
          </legend>
          <TriggerFields path={['triggers', i]} type={trigger.type} />
          <NumberField label="Wait before showing (seconds)" path={['triggers', i, 'delaySeconds']} min={0} max={3600} />
          {!readOnly && (
            <Button class="item-remove" onClick={() => draft.remove(['triggers'], i)} aria-label={`Remove trigger ${i + 1}`}>
              Remove
            </Button>
          )}
        </fieldset>
      ))}
      {!readOnly && (
        <div class="add-row">
          <label for="add-trigger-type">New trigger</label>
          <select id="add-trigger-type" value={adding.value} onChange={(event) => (adding.value = event.currentTarget.value as TriggerType)}>
            {TRIGGERS.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
          <Button
            onClick={() => {
              const chosen = TRIGGERS.find((t) => t.value === adding.value)!;
              draft.set(['triggers', triggers.length], { type: chosen.value, ...chosen.start });
            }}
          >
            Add a trigger
          </Button>
        </div>
      )}
    </section>
  );
}

function TriggerFields({ path, type }: { path: DraftPath; type: TriggerType | undefined }) {
  const { draft } = useDraft();
  switch (type) {
    case 'exit-intent': {
      const mobile = draft.get([...path, 'mobile']) !== undefined;
      return (
        <>
          <NumberField label="Ignore leaves in the first seconds" path={[...path, 'ignoreFirstSeconds']} min={0} max={600} />
          <div class="field field-check">
            <label>
              <input type="checkbox" checked={mobile} onChange={(event) => draft.set([...path, 'mobile'], event.currentTarget.checked ? { scrollUp: true, tabHidden: true } : undefined)} /> Also
              on phones and tablets
            </label>
          </div>
          {mobile && (
            <div class="field-row">
              <CheckField label="A fast scroll up near the top" path={[...path, 'mobile', 'scrollUp']} fallback />
              <CheckField label="The tab hidden after engaging" path={[...path, 'mobile', 'tabHidden']} fallback />
            </div>
          )}
        </>
      );
    }
    case 'dwell':
      return <NumberField label="Seconds on the page" path={[...path, 'seconds']} min={1} max={3600} />;
    case 'scroll':
      return <NumberField label="Scrolled at least (% of the page)" path={[...path, 'percent']} min={1} max={100} />;
    case 'click':
      return (
        <div class="field-row">
          <TextField label="CSS selector" path={[...path, 'selector']} keepEmpty hint="e.g. #buy, .add-to-cart" />
          <TextField label="Only when its text contains" path={[...path, 'text']} />
        </div>
      );
    case 'page-view':
      return <UrlRulesFields path={[...path, 'urls']} legend="Pages" />;
    case 'event':
      return (
        <>
          <TextField label="Event name" path={[...path, 'name']} keepEmpty hint="As the page reports it: closeloop('track', name, properties)" />
          <PropertyFilters path={[...path, 'where']} legend="Only when the event's properties match" noun="Property" />
        </>
      );
    case 'visits':
      return (
        <div class="field-row">
          <NumberField label="From page view number" path={[...path, 'pageViews']} min={1} />
          <NumberField label="Or from session number" path={[...path, 'sessions']} min={1} />
        </div>
      );
    case undefined:
      return null;
    default:
      // A draft holds whatever type its survey had: one this console does not know gets no fields, and a type of
      // the contract without a case here fails the build.
      (type) satisfies never;
      return null;
  }
}
