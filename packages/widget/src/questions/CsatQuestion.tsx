import type { CsatQuestion as CsatQuestionDefinition } from '@closeloop/sdk/schemas';
import { fill } from '../i18n/strings.js';
import { useStrings } from '../i18n/strings-context.js';
import { Face, Star } from './icons.js';
import { Prompt } from './Prompt.js';
import { ScaleGroup } from './ScaleGroup.js';
import { SkipAction } from './SkipAction.js';

export type CsatQuestionProps = Pick<CsatQuestionDefinition, 'id' | 'prompt' | 'lowLabel' | 'highLabel' | 'display'> & {
  value?: number | undefined;
  onChoose: (score: number) => void;
  onSkip?: (() => void) | undefined;
};

const SCORES = [1, 2, 3, 4, 5];

/**
 * Customer satisfaction, 1 to 5, as faces (each named by its feeling: "Very dissatisfied" … "Very satisfied")
 * or stars ("3 of 5 stars").
 */
export function CsatQuestion({ id, prompt, lowLabel, highLabel, display, value, onChoose, onSkip }: CsatQuestionProps) {
  const t = useStrings();
  const faces = display === 'faces';
  return (
    <div class="question">
      <Prompt id={id} prompt={prompt} />
      <ScaleGroup
        id={id}
        scores={SCORES}
        value={value}
        variant={display}
        name={(score) => (faces ? `${score} – ${t.faces[score - 1]}` : fill(t.stars, { n: score, total: 5 }))}
        face={(score, lit) => (faces ? <Face score={score} /> : <Star lit={lit} />)}
        lowLabel={lowLabel ?? t.faces[0]}
        highLabel={highLabel ?? t.faces[4]}
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
