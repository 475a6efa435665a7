import { z } from 'zod';
import { HttpUrl } from './http-url.js';
import { Slug } from './ids.js';
import { LogicRule } from './logic.js';
import { answerFault } from '../logic/valid-answer.js';
import type { AnswerFault } from '../logic/valid-answer.js';
import { FEEDBACK_EMAIL_MAX } from './feedback-limits.js';
import { ANSWER_TEXT_MAX, CHOICE_ID_MAX, CHOICES_MAX, OTHER_TEXT_MAX } from './submission-limits.js';
import { isChoice } from './question-kinds.js';
import { scaleRange } from './scale-range.js';

const base = {
  id: Slug,
  prompt: z.string().trim().min(1).max(500),
  required: z.boolean().default(false),
  /** Where to go after this question, first matching rule wins; none matching (or none at all): the next one. */
  logic: z.array(LogicRule).max(20).optional(),
};

/** Labels for the two ends of a scale; the widget's built-in strings (per locale) apply when unset. */
const ends = {
  lowLabel: z.string().max(60).optional(),
  highLabel: z.string().max(60).optional(),
};

/** Net Promoter Score: "How likely are you to recommend us?" on 0–10. */
export const NpsQuestion = z.object({
  ...base,
  ...ends,
  type: z.literal('nps'),
});
export type NpsQuestion = z.infer<typeof NpsQuestion>;

/** Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied), shown as faces or stars. */
export const CsatQuestion = z.object({ ...base, ...ends, type: z.literal('csat'), display: z.enum(['faces', 'stars']).default('faces') });
export type CsatQuestion = z.infer<typeof CsatQuestion>;

/** Customer effort score, 1 (very difficult) to 7 (very easy). */
export const CesQuestion = z.object({ ...base, ...ends, type: z.literal('ces') });
export type CesQuestion = z.infer<typeof CesQuestion>;

/** A rating from 1 to `scale` (3–10), as stars or numbers. */
export const RatingQuestion = z.object({
  ...base,
  ...ends,
  type: z.literal('rating'),
  scale: z.number().int().min(3).max(10).default(5),
  display: z.enum(['stars', 'numbers']).default('stars'),
});
export type RatingQuestion = z.infer<typeof RatingQuestion>;

export const ChoiceOption = z.object({ id: Slug, label: z.string().trim().min(1).max(200) });
export type ChoiceOption = z.infer<typeof ChoiceOption>;

const choice = {
  options: z.array(ChoiceOption).min(2).max(20),
  /** Adds an "Other" option with a free-text field; its text travels as the answer's `other`. */
  other: z.boolean().default(false),
};

/** Pick one option. */
export const SingleChoiceQuestion = z.object({ ...base, ...choice, type: z.literal('single_choice') });
export type SingleChoiceQuestion = z.infer<typeof SingleChoiceQuestion>;

/** Pick any number of options (at least one to submit). */
export const MultipleChoiceQuestion = z.object({ ...base, ...choice, type: z.literal('multiple_choice') });
export type MultipleChoiceQuestion = z.infer<typeof MultipleChoiceQuestion>;

/** Open text, single or multi line, with a character limit the widget enforces and the server re-checks. */
export const TextQuestion = z.object({
  ...base,
  type: z.literal('text'),
  placeholder: z.string().max(200).optional(),
  multiline: z.boolean().default(true),
  maxLength: z.number().int().min(1).max(ANSWER_TEXT_MAX).default(1000),
});
export type TextQuestion = z.infer<typeof TextQuestion>;

/** A call to action: a message and a button that opens `url` (a review site, a booking page). */
export const CtaQuestion = z.object({
  ...base,
  type: z.literal('cta'),
  body: z.string().max(1000).optional(),
  buttonLabel: z.string().trim().min(1).max(60),
  url: HttpUrl,
});
export type CtaQuestion = z.infer<typeof CtaQuestion>;

/**
 * "May we contact you about this?": consent, the preferred channel and the address, asked of a detractor nobody
 * could otherwise answer. The widget shows it only when the survey's follow-up rule matched the answers so far and
 * no verified email is known (a signed identity with an `email` attribute); it never opens a case itself. `prompt` is the survey's
 * words for the question, as for every type.
 */
export const ContactQuestion = z.object({ ...base, type: z.literal('contact') });
export type ContactQuestion = z.infer<typeof ContactQuestion>;

export const Question = z.discriminatedUnion('type', [
  NpsQuestion,
  CsatQuestion,
  CesQuestion,
  RatingQuestion,
  SingleChoiceQuestion,
  MultipleChoiceQuestion,
  TextQuestion,
  CtaQuestion,
  ContactQuestion,
]);
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];

/** The answer to a choice question: option ids, and the "Other" text when the question offers it. */
export const ChoiceAnswer = z.object({
  choices: z.array(z.string().max(CHOICE_ID_MAX)).max(CHOICES_MAX),
  other: z.string().max(OTHER_TEXT_MAX).optional(),
});
export type ChoiceAnswer = z.infer<typeof ChoiceAnswer>;

/**
 * The answer to a contact question: consent with the channel and the address (an email address, or a phone number
 * of 7–20 digits, a + in front, spaces or dashes between), or a refusal, which carries nothing else (the rest of a
 * refusal is dropped). The address is checked against its channel with the question (`answerFault`).
 */
export const ContactAnswer = z.union([
  z.object({ consent: z.literal(true), channel: z.enum(['email', 'phone']), address: z.string().max(FEEDBACK_EMAIL_MAX) }),
  z.object({ consent: z.literal(false) }),
]);
export type ContactAnswer = z.infer<typeof ContactAnswer>;

/** What one answer may hold on the wire before it is checked against its question. */
export const AnswerValue = z.union([z.number(), z.string().max(ANSWER_TEXT_MAX), ChoiceAnswer, ContactAnswer]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** The server's words for a fault the shared rule found (`answerFault`, zod-free, also run by the browser), and where. */
function describeFault(question: Question, value: AnswerValue, fault: AnswerFault): { path: (string | number)[]; message: string } {
  const choice = isChoice(question);
  if (typeof fault === 'number') {
    return { path: ['choices', fault], message: `no option "${typeof value === 'object' && 'choices' in value ? value.choices[fault] : ''}" in this question` };
  }
  switch (fault) {
    case 'range': {
      const [min, max] = scaleRange(question) ?? [0, 0];
      return { path: [], message: `must be a whole number from ${min} to ${max}` };
    }
    case 'text':
      return { path: [], message: typeof value === 'string' && question.type === 'text' ? `must be at most ${question.maxLength} characters` : 'must be text' };
    case 'clicked':
      return { path: [], message: 'must be "clicked"' };
    case 'shape':
      return question.type === 'contact'
        ? placeContactFault(value)
        : { path: [], message: choice ? 'must be { choices: [option ids], other?: text }' : 'is not an answer to this question' };
    case 'repeat':
      return { path: ['choices'], message: 'must not repeat an option' };
    case 'none':
      return { path: ['choices'], message: 'must choose at least one option' };
    case 'one':
      return { path: ['choices'], message: 'must choose exactly one option' };
    case 'other':
      return { path: ['other'], message: choice && question.other ? `must be non-blank text of at most ${OTHER_TEXT_MAX} characters` : 'this question has no "Other" option' };
  }
}

/** Which field of a contact answer is at fault (the browser's rule gives one verdict for the whole), in words. */
function placeContactFault(value: AnswerValue): { path: string[]; message: string } {
  const fields = typeof value === 'object' && 'consent' in value ? (value as Record<string, unknown>) : {};
  if (typeof fields.consent !== 'boolean') return { path: ['consent'], message: 'must be { consent: true, channel, address } or { consent: false }' };
  if (fields.channel !== 'email' && fields.channel !== 'phone') return { path: ['channel'], message: 'must be "email" or "phone"' };
  return {
    path: ['address'],
    message:
      fields.channel === 'phone'
        ? 'must be a phone number of 7 to 20 digits, a + only in front, spaces or dashes between digits'
        : `must be an email address of at most ${FEEDBACK_EMAIL_MAX} characters`,
  };
}

/**
 * The schema an answer to `question` must satisfy: the server checks every answer against its question. The verdict
 * is `answerFault`'s, the same zod-free rule the browser applies before sending, so the two can never disagree; this
 * only words the fault and places it (`choices.1`).
 */
export function answerSchema(question: Question): z.ZodType<AnswerValue> {
  return z.custom<AnswerValue>().superRefine((value, ctx) => {
    const fault = answerFault(question, value);
    if (fault !== undefined) ctx.addIssue({ code: 'custom', ...describeFault(question, value, fault) });
  });
}
