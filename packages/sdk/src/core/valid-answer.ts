import type { AnswerValue, Question } from '../schemas/question.js';

/**
 * The checks the server makes per question type, made before queueing: the server refuses a submission with one
 * bad answer, and each submission carries every answer so far, so one bad value would lose them all.
 */
export function isValidAnswer(question: Question, value: AnswerValue): boolean {
  switch (question.type) {
    case 'nps':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10;
    case 'text':
      return typeof value === 'string' && value.length <= question.maxLength;
  }
  // A question type newer than this core: the server is the judge.
  return typeof value === 'number' || typeof value === 'string';
}
