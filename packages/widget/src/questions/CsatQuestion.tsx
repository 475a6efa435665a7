import type { CsatQuestion as CsatQuestionDefinition } from '@closeloop/sdk/schemas';
import { useStrings } from '../i18n/strings-context.js';
import { Face } from './icons.js';
import { ScaleQuestion, starScale } from './ScaleQuestion.js';
import type { ScoreProps } from './ScaleQuestion.js';

export type CsatQuestionProps = Pick<CsatQuestionDefinition, 'id' | 'prompt' | 'lowLabel' | 'highLabel' | 'display'> & ScoreProps;

const SCORES = [1, 2, 3, 4, 5];

/**
 * Customer satisfaction, 1 to 5, as faces (each named by its feeling: "Very dissatisfied" … "Very satisfied")
 * or stars ("3 of 5 stars").
 */
export function CsatQuestion({ lowLabel, highLabel, display, ...rest }: CsatQuestionProps) {
  const t = useStrings();
  const look =
    display === 'faces'
      ? { variant: display, name: (score: number) => `${score} – ${t.faces[score - 1]}`, face: (score: number) => <Face score={score} /> }
      : starScale(t, SCORES.length);
  return <ScaleQuestion {...rest} {...look} scores={SCORES} lowLabel={lowLabel ?? t.faces[0]} highLabel={highLabel ?? t.faces[4]} />;
}
