import type { QuestionType } from '@closeloop/sdk/schemas';

/** The question types in the order the editor offers them, with the words people know them by. */
export const QUESTION_TYPES: readonly { value: QuestionType; label: string }[] = [
  { value: 'nps', label: 'NPS (0–10)' },
  { value: 'csat', label: 'CSAT (1–5)' },
  { value: 'ces', label: 'Customer effort (1–7)' },
  { value: 'rating', label: 'Rating' },
  { value: 'single_choice', label: 'Single choice' },
  { value: 'multiple_choice', label: 'Multiple choice' },
  { value: 'text', label: 'Open text' },
  { value: 'cta', label: 'Call to action' },
  { value: 'contact', label: 'May we contact you?' },
];

const PROMPTS: Record<QuestionType, string> = {
  nps: 'How likely are you to recommend us to a friend?',
  csat: 'How satisfied are you with your experience?',
  ces: 'How easy was it to get what you needed?',
  rating: 'How would you rate this page?',
  single_choice: 'What brought you here today?',
  multiple_choice: 'Which of these did you use?',
  text: 'What is the main reason for your score?',
  cta: 'Would you leave us a review?',
  contact: 'May we contact you about this?',
};

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
    default:
      return {};
  }
}

/** A new question of `type` with an id not yet taken among `taken`. */
export function newQuestion(type: QuestionType, taken: readonly string[]): Record<string, unknown> {
  let n = 1;
  const base = type.replace('_', '-');
  while (taken.includes(`${base}-${n}`)) n += 1;
  return { id: `${base}-${n}`, type, prompt: PROMPTS[type], required: false, ...typeFields(type) };
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
      { id: 'nps', type: 'nps', prompt: PROMPTS.nps, required: true },
      { id: 'reason', type: 'text', prompt: PROMPTS.text, required: false, multiline: true, maxLength: 1000 },
    ],
    triggers: [],
    thankYou: { title: 'Thank you!' },
    followUp: { enabled: true },
  };
}
