import { unreachable } from '@closeloop/sdk/logic';
import type { QuestionType } from '@closeloop/sdk/schemas';

/**
 * Each question type with the words people know it by and the prompt a new one starts with, in the order the
 * editor offers them. A Record over QuestionType: a type added to the contract fails the build here until it has both.
 */
const TYPES: Record<QuestionType, { label: string; prompt: string }> = {
  nps: { label: 'NPS (0–10)', prompt: 'How likely are you to recommend us to a friend?' },
  csat: { label: 'CSAT (1–5)', prompt: 'How satisfied are you with your experience?' },
  ces: { label: 'Customer effort (1–7)', prompt: 'How easy was it to get what you needed?' },
  rating: { label: 'Rating', prompt: 'How would you rate this page?' },
  single_choice: { label: 'Single choice', prompt: 'What brought you here today?' },
  multiple_choice: { label: 'Multiple choice', prompt: 'Which of these did you use?' },
  text: { label: 'Open text', prompt: 'What is the main reason for your score?' },
  cta: { label: 'Call to action', prompt: 'Would you leave us a review?' },
  contact: { label: 'May we contact you?', prompt: 'May we contact you about this?' },
};

/** The question types in the order the editor offers them, with the words people know them by. */
export const QUESTION_TYPES: readonly { value: QuestionType; label: string }[] = (Object.keys(TYPES) as QuestionType[]).map((value) => ({
  value,
  label: TYPES[value].label,
}));

/** What a question of `type` needs beyond id and prompt, with sensible starting values. */
function typeFields(type: QuestionType): Record<string, unknown> {
  switch (type) {
    case 'rating':
      return { scale: 5, display: 'stars' };
    case 'csat':
      return { display: 'faces' };
    case 'single_choice':
    case 'multiple_choice':
      return { options: [{ id: 'option-1', label: 'Option 1' }, { id: 'option-2', label: 'Option 2' }] };
    case 'text':
      return { multiline: true, maxLength: 1000 };
    case 'cta':
      return { buttonLabel: 'Leave a review', url: 'https://example.com/review' };
    case 'nps':
    case 'ces':
    case 'contact':
      return {};
    default:
      return unreachable(type, 'question type');
  }
}

/** A new question of `type` with an id not yet taken among `taken`. */
export function newQuestion(type: QuestionType, taken: readonly string[]): Record<string, unknown> {
  let n = 1;
  const base = type.replace('_', '-');
  while (taken.includes(`${base}-${n}`)) n += 1;
  return { id: `${base}-${n}`, type, prompt: TYPES[type].prompt, required: false, ...typeFields(type) };
}

/**
 * The question turned into `type`: id, prompt, required and its logic stay; the fields the old type had and the new
 * one lacks go (the schema would refuse nothing, but the widget would ignore them); the new type's fields start
 * at their usual values.
 */
export function changeType(question: Record<string, unknown>, type: QuestionType): Record<string, unknown> {
  const { id, prompt, required, logic } = question;
  return { id, type, prompt, required, ...(logic === undefined ? {} : { logic }), ...typeFields(type) };
}

/** A starting survey for "New survey": an NPS question and its follow-up question, no trigger yet. */
export function newSurvey(taken: readonly string[]): Record<string, unknown> {
  let n = 1;
  while (taken.includes(`survey-${n}`)) n += 1;
  return {
    id: `survey-${n}`,
    name: 'New survey',
    active: false,
    questions: [
      { id: 'nps', type: 'nps', prompt: TYPES.nps.prompt, required: true },
      { id: 'reason', type: 'text', prompt: TYPES.text.prompt, required: false, multiline: true, maxLength: 1000 },
    ],
    triggers: [],
    thankYou: { title: 'Thank you!' },
    followUp: { enabled: true },
  };
}
