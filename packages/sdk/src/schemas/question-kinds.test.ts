import { describe, expect, it } from 'vitest';
import { Question } from './question.js';
import type { QuestionType } from './question.js';
import { QUESTION_KINDS, isChoice, isScale, typesOfKind } from './question-kinds.js';
import { scaleRange } from './scale-range.js';

/** The contract's object schema for a question type. */
const schemaOf = (type: QuestionType) => Question.options.find((option) => option.shape.type.value === type)!;

describe('QUESTION_KINDS', () => {
  it('names every type of the contract, and nothing else', () => {
    expect(Object.keys(QUESTION_KINDS).sort()).toEqual(Question.options.map((option) => option.shape.type.value).sort());
  });

  it('calls a type a scale exactly when it has a score range', () => {
    for (const type of Object.keys(QUESTION_KINDS) as QuestionType[]) expect(scaleRange({ type }) !== null, type).toBe(isScale({ type }));
  });

  it('calls a type a choice exactly when its questions have options', () => {
    for (const type of Object.keys(QUESTION_KINDS) as QuestionType[]) expect('options' in schemaOf(type).shape, type).toBe(isChoice({ type }));
  });

  it('answers no for a type it does not know (a draft, or a newer server)', () => {
    expect(isScale({ type: 'slider' })).toBe(false);
    expect(isChoice({})).toBe(false);
    expect(isScale({ type: 'toString' })).toBe(false);
  });

  it('lists the types of a kind in the contract order', () => {
    expect(typesOfKind('scale')).toEqual(['nps', 'csat', 'ces', 'rating']);
    expect(typesOfKind('choice')).toEqual(['single_choice', 'multiple_choice']);
  });
});
