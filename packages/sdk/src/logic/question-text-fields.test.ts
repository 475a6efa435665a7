import { describe, expect, it } from 'vitest';
import { Question } from '../schemas/question.js';
import { QuestionTexts } from '../schemas/translations.js';
import { QUESTION_TEXT_FIELDS } from './question-text-fields.js';

describe('QUESTION_TEXT_FIELDS', () => {
  it('lists, per type, exactly the texts a question of that type has and a translation may give', () => {
    const translatable = Object.keys(QuestionTexts.shape).filter((field) => field !== 'options');
    for (const option of Question.options) {
      const own = Object.keys(option.shape).filter((field) => translatable.includes(field));
      expect([...QUESTION_TEXT_FIELDS[option.shape.type.value]].sort(), option.shape.type.value).toEqual(own.sort());
    }
  });
});
