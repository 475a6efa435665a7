import type { AnswerValue, Question } from '@closeloop/sdk/schemas';
import { CesQuestion } from './CesQuestion.js';
import { ContactQuestion } from './ContactQuestion.js';
import { CsatQuestion } from './CsatQuestion.js';
import { CtaQuestion } from './CtaQuestion.js';
import { MultipleChoiceQuestion } from './MultipleChoiceQuestion.js';
import { NpsQuestion } from './NpsQuestion.js';
import { RatingQuestion } from './RatingQuestion.js';
import { SingleChoiceQuestion } from './SingleChoiceQuestion.js';
import { TextQuestion } from './TextQuestion.js';

export interface QuestionViewProps {
  question: Question;
  value: AnswerValue | undefined;
  onAnswer: (value: AnswerValue) => void;
  onSkip?: (() => void) | undefined;
  /** Text the visitor typed here and did not send (a text question's draft), and where to keep what they type. */
  draft?: string | undefined;
  onDraft?: ((text: string) => void) | undefined;
}

/**
 * Picks the component for a question's type. A type newer than this widget (a config from a newer server) shows
 * nothing; a type of the contract without a case here fails the build (the `satisfies never` below).
 */
export function QuestionView({ question, value, onAnswer, onSkip, draft, onDraft }: QuestionViewProps) {
  const score = typeof value === 'number' ? value : undefined;
  switch (question.type) {
    case 'nps':
      return <NpsQuestion {...question} value={score} onChoose={onAnswer} onSkip={onSkip} />;
    case 'csat':
      return <CsatQuestion {...question} value={score} onChoose={onAnswer} onSkip={onSkip} />;
    case 'ces':
      return <CesQuestion {...question} value={score} onChoose={onAnswer} onSkip={onSkip} />;
    case 'rating':
      return <RatingQuestion {...question} value={score} onChoose={onAnswer} onSkip={onSkip} />;
    case 'single_choice':
      return <SingleChoiceQuestion {...question} onSubmit={onAnswer} onSkip={onSkip} />;
    case 'multiple_choice':
      return <MultipleChoiceQuestion {...question} onSubmit={onAnswer} onSkip={onSkip} />;
    case 'text':
      return <TextQuestion {...question} onSubmit={onAnswer} onSkip={onSkip} draft={draft} onDraft={onDraft} />;
    case 'cta':
      return <CtaQuestion {...question} onClick={() => onAnswer('clicked')} onSkip={onSkip} />;
    case 'contact':
      return <ContactQuestion {...question} onSubmit={onAnswer} onSkip={onSkip} />;
    default:
      question satisfies never;
  }
}
