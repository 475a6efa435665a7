import type { ComponentType } from 'preact';
import type { QuestionType } from '@closeloop/sdk/schemas';
import { Button } from '../../ui/button.js';
import { useDraft } from './draft-context.js';
import { CheckField, GroupError, NumberField, SelectField, TextField } from './draft-fields.js';
import type { DraftPath } from './draft-path.js';

type FieldsProps = { path: DraftPath };

function ScaleEnds({ path }: FieldsProps) {
  return (
    <div class="field-row">
      <TextField label="Label at the low end" path={[...path, 'lowLabel']} hint="Blank: the widget's own words" />
      <TextField label="Label at the high end" path={[...path, 'highLabel']} />
    </div>
  );
}

function CsatFields({ path }: FieldsProps) {
  return (
    <>
      <ScaleEnds path={path} />
      <SelectField label="Shown as" path={[...path, 'display']} choices={[{ value: 'faces', label: 'Faces' }, { value: 'stars', label: 'Stars' }]} />
    </>
  );
}

function RatingFields({ path }: FieldsProps) {
  return (
    <>
      <ScaleEnds path={path} />
      <div class="field-row">
        <NumberField label="Scale (3–10)" path={[...path, 'scale']} min={3} max={10} />
        <SelectField label="Shown as" path={[...path, 'display']} choices={[{ value: 'stars', label: 'Stars' }, { value: 'numbers', label: 'Numbers' }]} />
      </div>
    </>
  );
}

function TextFields({ path }: FieldsProps) {
  return (
    <>
      <TextField label="Placeholder" path={[...path, 'placeholder']} />
      <div class="field-row">
        <NumberField label="Character limit" path={[...path, 'maxLength']} min={1} max={5000} />
        <CheckField label="Several lines" path={[...path, 'multiline']} fallback />
      </div>
    </>
  );
}

function CtaFields({ path }: FieldsProps) {
  return (
    <>
      <TextField label="Message" path={[...path, 'body']} multiline />
      <div class="field-row">
        <TextField label="Button label" path={[...path, 'buttonLabel']} keepEmpty />
        <TextField label="Button opens (URL)" path={[...path, 'url']} type="url" keepEmpty />
      </div>
    </>
  );
}

function ContactFields() {
  return <p class="field-hint">Shown only to a visitor whose answers open a follow-up case and whose email support does not know yet.</p>;
}

/** The editor's fields per question type. A Record over QuestionType: a new type fails the build here until it has its fields. */
const FIELDS: Record<QuestionType, ComponentType<FieldsProps>> = {
  nps: ScaleEnds,
  csat: CsatFields,
  ces: ScaleEnds,
  rating: RatingFields,
  single_choice: ChoiceOptions,
  multiple_choice: ChoiceOptions,
  text: TextFields,
  cta: CtaFields,
  contact: ContactFields,
};

/** The fields one question type has beyond id, prompt and required. */
export function QuestionFields({ path, type }: { path: DraftPath; type: QuestionType }) {
  // A draft holds whatever type its survey had; one this console does not know gets no fields.
  const Fields = FIELDS[type] as ComponentType<FieldsProps> | undefined;
  return Fields ? <Fields path={path} /> : null;
}

function ChoiceOptions({ path }: { path: DraftPath }) {
  const { draft, readOnly } = useDraft();
  const optionsPath = [...path, 'options'];
  const options = (draft.get(optionsPath) as { id?: string }[] | undefined) ?? [];
  function add() {
    const taken = options.map((option) => option.id);
    let n = options.length + 1;
    while (taken.includes(`option-${n}`)) n += 1;
    draft.set([...optionsPath, options.length], { id: `option-${n}`, label: `Option ${n}` });
  }
  return (
    <fieldset class="subgroup">
      <legend>Options</legend>
      <GroupError path={optionsPath} />
      {options.map((_, i) => (
        <div class="field-row item-row" key={i}>
          <TextField label={`Option ${i + 1} id`} path={[...optionsPath, i, 'id']} keepEmpty />
          <TextField label={`Option ${i + 1} label`} path={[...optionsPath, i, 'label']} keepEmpty />
          {!readOnly && (
            <Button class="item-remove" onClick={() => draft.remove(optionsPath, i)} aria-label={`Remove option ${i + 1}`}>
              Remove
            </Button>
          )}
        </div>
      ))}
      {!readOnly && <Button onClick={add}>Add an option</Button>}
      <CheckField label='Add an "Other" option with a text field' path={[...path, 'other']} />
    </fieldset>
  );
}
