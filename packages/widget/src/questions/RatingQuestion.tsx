import type { RatingQuestion as RatingQuestionDefinition } from '@closeloop/sdk/schemas';
import { fill } from '../i18n/strings.js';
import { useStrings } from '../i18n/strings-context.js';
import { Star } from './icons.js';
import { Prompt } from './Prompt.js';
import { ScaleGroup } from './ScaleGroup.js';
import { SkipAction } from './SkipAction.js';

export type RatingQuestionProps = Pick<RatingQuestionDefinition, 'id' | 'prompt' | 'lowLabel' | 'highLabel' | 'scale' | 'display'> & {
  value?: number | undefined;
  onChoose: (score: number) => void;
  onSkip?: (() => void) | undefined;
};

/** A rating from 1 to `scale` (3–10): stars that light up to the one pointed at, or numbered buttons. */
export function RatingQuestion({ id, prompt, lowLabel, highLabel, scale, display, value, onChoose, onSkip }: RatingQuestionProps) {
  const t = useStrings();
  const scores = Array.from({ length: scale }, (_, i) => i + 1);
  const stars = display === 'stars';
  return (
    <div class="question">
      <Prompt id={id} prompt={prompt} />
      <ScaleGroup
        id={id}
        scores={scores}
        value={value}
        variant={display}
        name={stars ? (score) => fill(t.stars, { n: score, total: scale }) : undefined}
        face={stars ? (_, lit) => <Star lit={lit} /> : undefined}
        lowLabel={lowLabel ?? t.ratingLow}
        highLabel={highLabel ?? t.ratingHigh}
        onChoose={onChoose}
      />
      {onSkip && (
        <div class="actions">
          <SkipAction onSkip={onSkip} />
        </div>
      )}
    </div>
  );
}
