import { useState } from 'preact/hooks';
import { fill } from '../i18n/strings.js';
import type { Strings } from '../i18n/strings.js';
import { useStrings } from '../i18n/strings-context.js';
import { Star } from './icons.js';
import { Prompt } from './Prompt.js';
import { ScaleGroup } from './ScaleGroup.js';
import type { ScaleGroupProps } from './ScaleGroup.js';
import { SkipAction } from './SkipAction.js';

/** What the scale questions (NPS, CSAT, CES, rating) take from the survey and the run. */
export interface ScoreProps {
  value?: number | undefined;
  onChoose: (score: number) => void;
  /** Given when the question is optional: shows a Skip button. */
  onSkip?: (() => void) | undefined;
}

export type ScaleQuestionProps = Omit<ScaleGroupProps, 'onCheck'> & { prompt: string; onSkip?: (() => void) | undefined };

/**
 * One scale question: its prompt, the scale, and Skip when it is optional. NPS, CSAT, CES and rating differ only in
 * the scale they pass (scores, labels, faces or stars). A click, Enter or Space sends a score at once; a score
 * checked with the arrow keys waits, with a Next button beside it, so a keyboard user who tabs on finds the way to
 * send it rather than leaving it unsent.
 */
export function ScaleQuestion({ prompt, onSkip, value, onChoose, ...scale }: ScaleQuestionProps) {
  const t = useStrings();
  const [checked, setChecked] = useState(value);
  const unsent = checked !== value ? checked : undefined;
  return (
    <div class="question">
      <Prompt id={scale.id} prompt={prompt} />
      <ScaleGroup {...scale} value={checked} onCheck={setChecked} onChoose={onChoose} />
      {(onSkip || unsent !== undefined) && (
        <div class="actions">
          <SkipAction onSkip={onSkip} />
          {unsent !== undefined && (
            <button type="button" class="button primary" onClick={() => onChoose(unsent)}>
              {t.next}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** A scale shown as stars: each lit up to the one pointed at or chosen, named "3 of 5 stars". */
export const starScale = (t: Strings, total: number): Pick<ScaleGroupProps, 'variant' | 'name' | 'face'> => ({
  variant: 'stars',
  name: (score) => fill(t.stars, { n: score, total }),
  face: (_, lit) => <Star lit={lit} />,
});
