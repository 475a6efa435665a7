import type { RatingQuestion as RatingQuestionDefinition } from '@closeloop/sdk/schemas';
import { useStrings } from '../i18n/strings-context.js';
import { ScaleQuestion, starScale } from './ScaleQuestion.js';
import type { ScoreProps } from './ScaleQuestion.js';

export type RatingQuestionProps = Pick<RatingQuestionDefinition, 'id' | 'prompt' | 'lowLabel' | 'highLabel' | 'scale' | 'display'> & ScoreProps;

/** A rating from 1 to `scale` (3–10): stars that light up to the one pointed at, or numbered buttons. */
export function RatingQuestion({ lowLabel, highLabel, scale, display, ...rest }: RatingQuestionProps) {
  const t = useStrings();
  const scores = Array.from({ length: scale }, (_, i) => i + 1);
  return (
    <ScaleQuestion
      {...rest}
      {...(display === 'stars' ? starScale(t, scale) : { variant: display })}
      scores={scores}
      lowLabel={lowLabel ?? t.ratingLow}
      highLabel={highLabel ?? t.ratingHigh}
    />
  );
}
