import type { NpsQuestion as NpsQuestionDefinition } from '@closeloop/sdk/schemas';
import { useStrings } from '../i18n/strings-context.js';
import { Prompt } from './Prompt.js';
import { ScaleGroup } from './ScaleGroup.js';
import { SkipAction } from './SkipAction.js';

export type NpsQuestionProps = Pick<NpsQuestionDefinition, 'id' | 'prompt' | 'lowLabel' | 'highLabel'> & {
  /** The chosen score, if any. */
  value?: number | undefined;
  onChoose: (score: number) => void;
  /** Given when the question is optional: shows a Skip button. */
  onSkip?: (() => void) | undefined;
};

const SCORES = Array.from({ length: 11 }, (_, score) => score);

/** Net Promoter Score: 0 to 10, the ends labelled ("Not likely" … "Very likely" unless the survey says otherwise). */
export function NpsQuestion({ id, prompt, lowLabel, highLabel, value, onChoose, onSkip }: NpsQuestionProps) {
  const t = useStrings();
  return (
    <div class="question">
      <Prompt id={id} prompt={prompt} />
      <ScaleGroup id={id} scores={SCORES} value={value} lowLabel={lowLabel ?? t.npsLow} highLabel={highLabel ?? t.npsHigh} onChoose={onChoose} />
      {onSkip && (
        <div class="actions">
          <SkipAction onSkip={onSkip} />
        </div>
      )}
    </div>
  );
}
