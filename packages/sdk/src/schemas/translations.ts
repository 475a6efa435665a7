import { z } from 'zod';
import { Slug } from './ids.js';
import { LanguageTag } from './language-tag.js';

const text = (max: number) => z.string().trim().min(1).max(max).optional();

/** The texts of one question in another language; what is left out shows as written in the question. */
export const QuestionTexts = z.object({
  prompt: text(500),
  lowLabel: text(60),
  highLabel: text(60),
  placeholder: text(200),
  body: text(1000),
  buttonLabel: text(60),
  /** Option id → label. */
  options: z.record(Slug, z.string().trim().min(1).max(200)).optional(),
});
export type QuestionTexts = z.infer<typeof QuestionTexts>;

/** A survey's texts in one language. */
export const SurveyTexts = z.object({
  questions: z.record(Slug, QuestionTexts).optional(),
  thankYou: z.object({ title: text(200), body: text(1000) }).optional(),
});
export type SurveyTexts = z.infer<typeof SurveyTexts>;

/** Language tag (`sv`, `pt-BR`, `ar`) → the survey's texts in that language. */
export const Translations = z
  .record(LanguageTag, SurveyTexts)
  .refine((t) => Object.keys(t).length <= 50, 'at most 50 languages');
export type Translations = z.infer<typeof Translations>;
