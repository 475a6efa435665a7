import type { NpsQuestion as NpsQuestionDefinition } from '@closeloop/sdk/schemas';
import { useStrings } from '../i18n/strings-context.js';
import { ScaleQuestion } from './ScaleQuestion.js';
import type { ScoreProps } from './ScaleQuestion.js';

export type NpsQuestionProps = Pick<NpsQuestionDefinition, 'id' | 'prompt' | 'lowLabel' | 'highLabel'> & ScoreProps;

const SCORES = Array.from({ length: 11 }, (_, score) => score);

/** Net Promoter Score: 0 to 10, the ends labelled ("Not likely" … "Very likely" unless the survey says otherwise). */
export function NpsQuestion({ lowLabel, highLabel, ...rest }: NpsQuestionProps) {
  const t = useStrings();
  return <ScaleQuestion {...rest} scores={SCORES} lowLabel={lowLabel ?? t.npsLow} highLabel={highLabel ?? t.npsHigh} />;
}
