import { useState } from 'preact/hooks';
import { OTHER_TEXT_MAX } from '@closeloop/sdk';
import type { ChoiceAnswer, SingleChoiceQuestion } from '@closeloop/sdk/schemas';
import { useStrings } from '../i18n/strings-context.js';
import { useTextMarks } from '../i18n/text-marks.js';
import { Prompt } from './Prompt.js';
import { promptId } from './prompt-id.js';
import { SkipAction } from './SkipAction.js';

/** The "Other" entry's value: not a Slug (it has a space), so it can never collide with an option id. */
const OTHER = ' other';

export type ChoiceListProps = Pick<SingleChoiceQuestion, 'id' | 'prompt' | 'options' | 'other'> & {
  multiple: boolean;
  onSubmit: (answer: ChoiceAnswer) => void;
  onSkip?: (() => void) | undefined;
};

/**
 * Options as native radio buttons (one choice: arrows move and pick, as in any form) or checkboxes (any number),
 * grouped and named by the prompt. "Other" reveals a text field; the answer is sent with the Next button, since
 * picking is not yet deciding here.
 */
export function ChoiceList({ id, prompt, options, other, multiple, onSubmit, onSkip }: ChoiceListProps) {
  const t = useStrings();
  const marks = useTextMarks();
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [otherText, setOtherText] = useState('');
  const otherOn = picked.includes(OTHER);
  const ready = picked.length > 0 && (!otherOn || otherText.trim() !== '');
  const entries = other ? [...options, { id: OTHER, label: t.other }] : options;

  const toggle = (value: string, on: boolean) =>
    setPicked(multiple ? (on ? [...picked, value] : picked.filter((p) => p !== value)) : [value]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (!ready) return;
    const choices = picked.filter((p) => p !== OTHER);
    onSubmit(otherOn ? { choices, other: otherText.trim().slice(0, OTHER_TEXT_MAX) } : { choices });
  };

  return (
    <form class="question" onSubmit={submit} noValidate>
      <Prompt id={id} prompt={prompt} />
      <div class="choices" role={multiple ? 'group' : 'radiogroup'} aria-labelledby={promptId(id)}>
        {entries.map((option, i) => (
          <label class="choice" key={option.id}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={`cl-${id}`}
              value={option.id}
              checked={picked.includes(option.id)}
              data-autofocus={i === 0 ? '' : undefined}
              onChange={(event) => toggle(option.id, (event.currentTarget as HTMLInputElement).checked)}
            />
            <span {...marks.option(id, option.id)}>{option.label}</span>
          </label>
        ))}
      </div>
      {otherOn && (
        <input
          class="field other"
          type="text"
          aria-label={t.otherText}
          placeholder={t.otherText}
          maxLength={OTHER_TEXT_MAX}
          value={otherText}
          onInput={(event) => setOtherText((event.currentTarget as HTMLInputElement).value)}
        />
      )}
      <div class="actions">
        <SkipAction onSkip={onSkip} />
        <button type="submit" class="button primary" disabled={!ready}>
          {t.next}
        </button>
      </div>
    </form>
  );
}
