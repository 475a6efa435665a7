import type { AnswerValue, Question } from '@closeloop/sdk/schemas';
import { NpsQuestion } from './NpsQuestion.js';
import { TextQuestion } from './TextQuestion.js';

export interface QuestionViewProps {
  question: Question;
  value: AnswerValue | undefined;
  onAnswer: (value: AnswerValue) => void;
  onSkip?: (() => void) | undefined;
}

/** Picks the component for a question's type: the one place a new question type is wired into the survey. */
export function QuestionView({ question, value, onAnswer, onSkip }: QuestionViewProps) {
  switch (question.type) {
    case 'nps':
      return (
        <NpsQuestion
          {...question}
          value={typeof value === 'number' ? value : undefined}
          onChoose={onAnswer}
          onSkip={onSkip}
        />
      );
    case 'text':
      return <TextQuestion {...question} onSubmit={onAnswer} onSkip={onSkip} />;
  }
}
