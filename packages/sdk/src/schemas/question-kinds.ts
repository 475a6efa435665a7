import type { QuestionType } from './question.js';

/**
 * What an answer to each question type is: a score on a scale, option ids, or something of its own (text, a click,
 * contact details). The rules and screens that treat kinds alike (score conditions, `includes`, the editor's
 * fields, the case notice's score) read this, so they need no list of types of their own. A Record over
 * QuestionType: adding a type to the contract fails the build here until its kind is decided. Zod-free.
 */
export const QUESTION_KINDS = {
  nps: 'scale',
  csat: 'scale',
  ces: 'scale',
  rating: 'scale',
  single_choice: 'choice',
  multiple_choice: 'choice',
  text: 'own',
  cta: 'own',
  contact: 'own',
} as const satisfies Record<QuestionType, 'scale' | 'choice' | 'own'>;

type Kinds = typeof QUESTION_KINDS;
export type QuestionKind = Kinds[keyof Kinds];
type KindOf<K extends QuestionKind> = { [T in keyof Kinds]: Kinds[T] extends K ? T : never }[keyof Kinds];

/** The types answered with a score on a scale: `lte`, `gte` and `eq` compare it, `scaleRange` bounds it. */
export type ScaleQuestionType = KindOf<'scale'>;
/** The types answered with option ids: `includes` looks for one. */
export type ChoiceQuestionType = KindOf<'choice'>;

/** Whether a question (or a draft of one) is a scale; narrows a `Question` to the scale questions. */
export function isScale<Q extends { type?: string | undefined }>(question: Q): question is Q & { type: ScaleQuestionType } {
  return QUESTION_KINDS[question.type as keyof Kinds] === 'scale';
}

/** Whether a question (or a draft of one) is a choice; narrows a `Question` to the choice questions. */
export function isChoice<Q extends { type?: string | undefined }>(question: Q): question is Q & { type: ChoiceQuestionType } {
  return QUESTION_KINDS[question.type as keyof Kinds] === 'choice';
}

/** `nps, csat, ces, rating`: the types of a kind, for messages that name them. */
export function typesOfKind(kind: QuestionKind): (keyof Kinds)[] {
  return (Object.keys(QUESTION_KINDS) as (keyof Kinds)[]).filter((type) => QUESTION_KINDS[type] === kind);
}
