import type { CesQuestion as CesQuestionDefinition } from '@closeloop/sdk/schemas';
import { useStrings } from '../i18n/strings-context.js';
import { Prompt } from './Prompt.js';
import { ScaleGroup } from './ScaleGroup.js';
import { SkipAction } from './SkipAction.js';

export type CesQuestionProps = Pick<CesQuestionDefinition, 'id' | 'prompt' | 'lowLabel' | 'highLabel'> & {
  value?: number | undefined;
  onChoose: (score: number) => void;
  onSkip?: (() => void) | undefined;
};

const SCORES = [1, 2, 3, 4, 5, 6, 7];

/** Customer effort score: 1 (very difficult) to 7 (very easy), sent as soon as it is chosen. */
export function CesQuestion({ id, prompt, lowLabel, highLabel, value, onChoose, onSkip }: CesQuestionProps) {
  const t = useStrings();
  return (
    <div class="question">
      <Prompt id={id} prompt={prompt} />
      <ScaleGroup id={id} scores={SCORES} value={value} lowLabel={lowLabel ?? t.cesLow} highLabel={highLabel ?? t.cesHigh} onChoose={onChoose} />
      {onSkip && (
        <div class="actions">
          <SkipAction onSkip={onSkip} />
        </div>
      )}
    </div>
  );
}
