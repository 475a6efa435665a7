import type { AnswerValue, Question } from '../schemas/question.js';
import { scaleRange } from '../schemas/scale-range.js';

/**
 * The checks the server makes per question type, made before queueing: the server refuses a submission with one
 * bad answer, and each submission carries every answer so far, so one bad value would lose them all.
 */
export function isValidAnswer(question: Question, value: AnswerValue): boolean {
  const range = scaleRange(question);
  if (range) return typeof value === 'number' && Number.isInteger(value) && value >= range[0] && value <= range[1];
  switch (question.type) {
    case 'text':
      return typeof value === 'string' && value.length <= question.maxLength;
    case 'cta':
      return value === 'clicked';
    case 'single_choice':
    case 'multiple_choice': {
      if (typeof value !== 'object' || !value || !Array.isArray(value.choices)) return false;
      const { choices, other } = value;
      const picked = choices.length + (other === undefined ? 0 : 1);
      return (
        choices.every((id) => question.options.some((o) => o.id === id)) &&
        new Set(choices).size === choices.length &&
        (other === undefined || (question.other && typeof other === 'string' && other.trim() !== '' && other.length <= 500)) &&
        picked > 0 &&
        (question.type === 'multiple_choice' || picked === 1)
      );
    }
  }
  // A question type newer than this core: the server is the judge.
  return typeof value === 'number' || typeof value === 'string';
}
