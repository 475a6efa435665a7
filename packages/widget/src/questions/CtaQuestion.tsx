import type { CtaQuestion as CtaQuestionDefinition } from '@closeloop/sdk/schemas';
import { useStrings } from '../i18n/strings-context.js';
import { useTextMarks } from '../i18n/text-marks.js';
import { Prompt } from './Prompt.js';
import { SkipAction } from './SkipAction.js';

export type CtaQuestionProps = Pick<CtaQuestionDefinition, 'id' | 'prompt' | 'body' | 'buttonLabel' | 'url'> & {
  /** The visitor followed the link. */
  onClick: () => void;
  onSkip?: (() => void) | undefined;
};

/**
 * A call to action: a real link (so middle-click, copy link and screen readers' link lists work), opening in a
 * new tab so the survey can still confirm; following it reports "clicked" and moves on.
 */
export function CtaQuestion({ id, prompt, body, buttonLabel, url, onClick, onSkip }: CtaQuestionProps) {
  const t = useStrings();
  const marks = useTextMarks();
  return (
    <div class="question">
      <Prompt id={id} prompt={prompt} />
      {body && (
        <p class="body" {...marks.question(id, 'body')}>
          {body}
        </p>
      )}
      <div class="actions">
        <SkipAction onSkip={onSkip} />
        <a class="button primary" href={url} target="_blank" rel="noopener noreferrer" data-autofocus="" onClick={onClick}>
          <span {...marks.question(id, 'buttonLabel')}>{buttonLabel}</span>
          <span class="sr-only"> {t.newTab}</span>
        </a>
      </div>
    </div>
  );
}
