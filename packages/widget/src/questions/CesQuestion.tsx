import type { CesQuestion as CesQuestionDefinition } from '@closeloop/sdk/schemas';
import { useStrings } from '../i18n/strings-context.js';
import { ScaleQuestion } from './ScaleQuestion.js';
import type { ScoreProps } from './ScaleQuestion.js';

export type CesQuestionProps = Pick<CesQuestionDefinition, 'id' | 'prompt' | 'lowLabel' | 'highLabel'> & ScoreProps;

const SCORES = [1, 2, 3, 4, 5, 6, 7];

/** Customer effort score: 1 (very difficult) to 7 (very easy). */
export function CesQuestion({ lowLabel, highLabel, ...rest }: CesQuestionProps) {
  const t = useStrings();
  return <ScaleQuestion {...rest} scores={SCORES} lowLabel={lowLabel ?? t.cesLow} highLabel={highLabel ?? t.cesHigh} />;
}
