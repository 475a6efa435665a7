import { z } from 'zod';
import { Slug } from './ids.js';

const base = {
  id: Slug,
  prompt: z.string().trim().min(1).max(500),
  required: z.boolean().default(false),
};

/** Net Promoter Score: "How likely are you to recommend us?" on 0–10. */
export const NpsQuestion = z.object({
  ...base,
  type: z.literal('nps'),
  lowLabel: z.string().max(60).default('Not likely'),
  highLabel: z.string().max(60).default('Very likely'),
});
export type NpsQuestion = z.infer<typeof NpsQuestion>;

/** Open text, single or multi line, with a character limit the widget enforces and the server re-checks. */
export const TextQuestion = z.object({
  ...base,
  type: z.literal('text'),
  placeholder: z.string().max(200).optional(),
  multiline: z.boolean().default(true),
  maxLength: z.number().int().min(1).max(5000).default(1000),
});
export type TextQuestion = z.infer<typeof TextQuestion>;

export const Question = z.discriminatedUnion('type', [NpsQuestion, TextQuestion]);
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];

/** What one answer may hold on the wire before it is checked against its question. */
export const AnswerValue = z.union([z.number(), z.string().max(5000)]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** The schema an answer to `question` must satisfy: the server checks every answer against its question. */
export function answerSchema(question: Question): z.ZodType<AnswerValue> {
  switch (question.type) {
    case 'nps':
      return z.number({ error: 'must be a whole number from 0 to 10' }).int().min(0).max(10);
    case 'text':
      return z.string({ error: 'must be text' }).max(question.maxLength, `must be at most ${question.maxLength} characters`);
  }
}
