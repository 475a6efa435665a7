import { useState } from 'preact/hooks';
import type { TextQuestion as TextQuestionDefinition } from '@closeloop/sdk/schemas';
import { fill } from '../i18n/strings.js';
import { useStrings } from '../i18n/strings-context.js';
import { Prompt } from './Prompt.js';
import { promptId } from './prompt-id.js';
import { SkipAction } from './SkipAction.js';

export type TextQuestionProps = Pick<
  TextQuestionDefinition,
  'id' | 'prompt' | 'placeholder' | 'multiline' | 'maxLength' | 'required'
> & {
  onSubmit: (text: string) => void;
  /** Given when the question is optional: shows a Skip button. */
  onSkip?: (() => void) | undefined;
  /** What the visitor typed here before and did not send: the field starts with it. */
  draft?: string | undefined;
  /** Told every change, so closing the survey does not throw the text away (SurveyRun keeps it for the page). */
  onDraft?: ((text: string) => void) | undefined;
};

/**
 * Open text. `maxLength` is enforced while typing (and again on submit, since pasted or scripted input can slip
 * past the attribute) because the server rejects longer answers.
 */
export function TextQuestion({ id, prompt, placeholder, multiline, maxLength, required, onSubmit, onSkip, draft = '', onDraft }: TextQuestionProps) {
  const t = useStrings();
  const [text, setText] = useState(draft.slice(0, maxLength));
  const answer = text.trim();
  const fieldId = `cl-field-${id}`;
  const limitId = `cl-limit-${id}`;

  const submit = (event?: Event) => {
    event?.preventDefault();
    if (answer) onSubmit(answer.slice(0, maxLength));
  };

  const field = {
    id: fieldId,
    class: 'field',
    value: text,
    placeholder,
    maxLength,
    required,
    'aria-labelledby': promptId(id),
    'aria-describedby': limitId,
    'data-autofocus': '',
    onInput: (event: Event) => {
      const typed = (event.currentTarget as HTMLInputElement).value.slice(0, maxLength);
      setText(typed);
      onDraft?.(typed);
    },
  };

  return (
    <form class="question" onSubmit={submit} noValidate>
      <Prompt id={id} prompt={prompt} />
      {multiline ? (
        <textarea
          {...field}
          rows={4}
          // Enter makes a new line in a textarea; Ctrl/Cmd+Enter sends, as in most chat and comment boxes.
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit(event);
          }}
        />
      ) : (
        <input {...field} type="text" />
      )}
      <p class="meta">
        <span aria-hidden="true">
          {text.length} / {maxLength}
        </span>
        <span class="sr-only" id={limitId}>
          {fill(t.limit, { n: maxLength })}
        </span>
      </p>
      <div class="actions">
        <SkipAction onSkip={onSkip} />
        <button type="submit" class="button primary" disabled={!answer}>
          {t.submit}
        </button>
      </div>
    </form>
  );
}
