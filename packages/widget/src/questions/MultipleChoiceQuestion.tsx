import type { ChoiceAnswer, MultipleChoiceQuestion as MultipleChoiceDefinition } from '@closeloop/sdk/schemas';
import { ChoiceList } from './ChoiceList.js';

export type MultipleChoiceQuestionProps = Pick<MultipleChoiceDefinition, 'id' | 'prompt' | 'options' | 'other'> & {
  onSubmit: (answer: ChoiceAnswer) => void;
  onSkip?: (() => void) | undefined;
};

/** Any number of options (at least one), "Other" with its text included: a group of checkboxes. */
export function MultipleChoiceQuestion(props: MultipleChoiceQuestionProps) {
  return <ChoiceList {...props} multiple />;
}
