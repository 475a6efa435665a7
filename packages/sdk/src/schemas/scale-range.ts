import type { QuestionType } from './question.js';
import type { ScaleQuestionType } from './question-kinds.js';

/** A question, or just its type and scale: one object type per question type, so a switch on `type` narrows it. */
type Scaled = { [T in QuestionType]: { type: T; scale?: number | undefined } }[QuestionType];

/**
 * The lowest and highest score of a scale question, or null for other types. Free of zod on purpose: the widget
 * imports it at runtime, and the server's answer check and the survey's logic validation share it.
 */
export function scaleRange(question: Scaled): readonly [number, number] | null {
  switch (question.type) {
    case 'nps':
      return [0, 10];
    case 'csat':
      return [1, 5];
    case 'ces':
      return [1, 7];
    case 'rating':
      return [1, question.scale ?? 5];
    default:
      // Type-only (no byte in the core): a type QUESTION_KINDS calls a scale fails the build here until it has a range.
      question satisfies { type: Exclude<QuestionType, ScaleQuestionType> };
      return null;
  }
}
