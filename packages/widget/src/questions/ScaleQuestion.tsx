import { fill } from '../i18n/strings.js';
import type { Strings } from '../i18n/strings.js';
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

export type ScaleQuestionProps = ScaleGroupProps & { prompt: string; onSkip?: (() => void) | undefined };

/**
 * One scale question: its prompt, the scale, and Skip when it is optional. NPS, CSAT, CES and rating differ only in
 * the scale they pass (scores, labels, faces or stars); the answer is sent as soon as a score is chosen.
 */
export function ScaleQuestion({ prompt, onSkip, ...scale }: ScaleQuestionProps) {
  return (
    <div class="question">
      <Prompt id={scale.id} prompt={prompt} />
      <ScaleGroup {...scale} />
      {onSkip && (
        <div class="actions">
          <SkipAction onSkip={onSkip} />
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
