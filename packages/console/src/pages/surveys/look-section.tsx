import { useDraft } from './draft-context.js';
import { NumberField, SelectField, TextField } from './draft-fields.js';
import { Field } from '../../ui/field.js';

/** Where and how the card shows (display and theme), in which language it is written, and its thank-you. */
export function LookSection({ onEditing }: { onEditing: (step: string) => void }) {
  const { draft } = useDraft();
  const accentPath = ['display', 'theme', 'accent'];
  const accent = draft.get(accentPath);
  return (
    <section class="editor-section" aria-labelledby="look-heading">
      <h2 id="look-heading">Placement, theme and language</h2>
      <div class="field-row">
        <SelectField
          label="Placement"
          path={['display', 'placement']}
          value={(draft.get(['display', 'placement']) as string | undefined) ?? 'bottom-right'}
          choices={[
            { value: 'bottom-right', label: 'Card, bottom right' },
            { value: 'bottom-left', label: 'Card, bottom left' },
            { value: 'modal', label: 'Modal, centred' },
            { value: 'inline', label: 'Inline, in the page' },
          ]}
        />
        <SelectField
          label="Colour scheme"
          path={['display', 'colorScheme']}
          value={(draft.get(['display', 'colorScheme']) as string | undefined) ?? 'auto'}
          choices={[
            { value: 'auto', label: "The page's" },
            { value: 'light', label: 'Light' },
            { value: 'dark', label: 'Dark' },
          ]}
        />
      </div>
      <div class="field-row">
        <Field label="Accent colour" error={draft.errorAt(accentPath)} hint="A hex colour such as #0f766e">
          {(control) => (
            <span class="colour-input">
              <input
                type="color"
                aria-label="Pick the accent colour"
                value={typeof accent === 'string' && /^#[0-9a-fA-F]{6}$/.test(accent) ? accent : '#0f766e'}
                onInput={(event) => draft.set(accentPath, event.currentTarget.value)}
              />
              <input {...control} type="text" value={typeof accent === 'string' ? accent : ''} onInput={(event) => draft.set(accentPath, event.currentTarget.value || undefined)} />
            </span>
          )}
        </Field>
        <NumberField label="Corner radius (px)" path={['display', 'theme', 'radius']} min={0} max={32} />
      </div>
      <TextField label="Font" path={['display', 'theme', 'font']} hint='A font-family list such as "Inter", system-ui, sans-serif' />
      <div class="field-row">
        <TextField label="Written in (language tag)" path={['language']} hint="The language of the texts above; blank: English" />
        <TextField label="Always show in (language tag)" path={['display', 'locale']} hint="Blank: the page's language" />
      </div>
      <fieldset class="subgroup" onFocusIn={() => onEditing('end')}>
        <legend>Thank-you</legend>
        <TextField label="Title" path={['thankYou', 'title']} keepEmpty />
        <TextField label="Message" path={['thankYou', 'body']} multiline />
      </fieldset>
    </section>
  );
}
