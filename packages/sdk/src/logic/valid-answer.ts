import type { AnswerValue, ChoiceAnswer, Question } from '../schemas/question.js';
import type { ScaleQuestionType } from '../schemas/question-kinds.js';
import { scaleRange } from '../schemas/scale-range.js';
import { OTHER_TEXT_MAX } from '../schemas/submission-limits.js';
import { isContactAnswer } from './contact-answer.js';

/**
 * What is wrong with an answer: a code, or for a choice naming no option of the question, that choice's index in
 * `choices`. Codes, not sentences: the browser core only needs the verdict and pays for every byte, while the
 * contract (`answerSchema`) words each fault for the server's reply.
 */
export type AnswerFault = 'range' | 'text' | 'clicked' | 'shape' | 'repeat' | 'none' | 'one' | 'other' | number;

/**
 * The one definition of a valid answer, per question type, zod-free: the browser checks it before queueing (the
 * server refuses a submission with one bad answer, and each submission carries every answer so far, so one bad
 * value would lose them all) and the server's `answerSchema` is built on it. Undefined when the answer is valid.
 */
export function answerFault(question: Question, value: AnswerValue): AnswerFault | undefined {
  const range = scaleRange(question);
  if (range) return typeof value === 'number' && Number.isInteger(value) && value >= range[0] && value <= range[1] ? undefined : 'range';
  switch (question.type) {
    case 'text':
      return typeof value === 'string' && value.length <= question.maxLength ? undefined : 'text';
    case 'cta':
      return value === 'clicked' ? undefined : 'clicked';
    case 'contact':
      // One code for any fault keeps the core small; the contract's wording places it (consent, channel or address).
      return isContactAnswer(value) ? undefined : 'shape';
    case 'single_choice':
    case 'multiple_choice': {
      // A choice answer's fields, read as such only once `choices` proved to be an array.
      if (typeof value !== 'object' || !value || !Array.isArray((value as ChoiceAnswer).choices)) return 'shape';
      const { choices, other } = value as ChoiceAnswer;
      const unknown = choices.findIndex((id) => !question.options.some((o) => o.id === id));
      const picked = choices.length + (other === undefined ? 0 : 1);
      return unknown >= 0
        ? unknown
        : new Set(choices).size !== choices.length
          ? 'repeat'
          : other !== undefined && !(question.other && typeof other === 'string' && other.trim() && other.length <= OTHER_TEXT_MAX)
            ? 'other'
            : !picked
              ? 'none'
              : question.type === 'single_choice' && picked > 1
                ? 'one'
                : undefined;
    }
    default:
      // Type-only, so the core pays nothing: the scales were judged above, and any other type fails the build here.
      question satisfies { type: ScaleQuestionType };
  }
  // A question type newer than this core: the server is the judge.
  return typeof value === 'number' || typeof value === 'string' ? undefined : 'shape';
}

/** Whether `value` answers `question` as the server will accept it. */
export function isValidAnswer(question: Question, value: AnswerValue): boolean {
  return answerFault(question, value) === undefined;
}
