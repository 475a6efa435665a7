import type { QuestionType } from '../schemas/question.js';
import type { QuestionTexts } from '../schemas/translations.js';

export type QuestionTextField = Exclude<keyof QuestionTexts, 'options'>;

/**
 * The texts each question type shows, the ones a translation may give (options aside, which every choice question
 * translates by id): the widget puts only these in place of the written ones, the console's translation form offers
 * only these. A Record over QuestionType: adding a type fails the build here until its texts are listed.
 */
export const QUESTION_TEXT_FIELDS: Readonly<Record<QuestionType, readonly QuestionTextField[]>> = {
  nps: ['prompt', 'lowLabel', 'highLabel'],
  csat: ['prompt', 'lowLabel', 'highLabel'],
  ces: ['prompt', 'lowLabel', 'highLabel'],
  rating: ['prompt', 'lowLabel', 'highLabel'],
  single_choice: ['prompt'],
  multiple_choice: ['prompt'],
  text: ['prompt', 'placeholder'],
  cta: ['prompt', 'body', 'buttonLabel'],
  contact: ['prompt'],
};
