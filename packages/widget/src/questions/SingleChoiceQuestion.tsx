import type { ChoiceAnswer, SingleChoiceQuestion as SingleChoiceDefinition } from '@closeloop/sdk/schemas';
import { ChoiceList } from './ChoiceList.js';

export type SingleChoiceQuestionProps = Pick<SingleChoiceDefinition, 'id' | 'prompt' | 'options' | 'other'> & {
  onSubmit: (answer: ChoiceAnswer) => void;
  onSkip?: (() => void) | undefined;
};

/** One option out of several (or "Other" with its text): a radio group. */
export function SingleChoiceQuestion(props: SingleChoiceQuestionProps) {
  return <ChoiceList {...props} multiple={false} />;
}
