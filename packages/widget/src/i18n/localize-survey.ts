import type { Question, SurveyDefinition, SurveyTexts } from '@closeloop/sdk/schemas';
import { baseLanguage } from './language-tag.js';

/** The survey's translation for `tag`: the exact tag first (`pt-BR`), then one for its base language (`pt`). */
function textsFor(survey: Pick<SurveyDefinition, 'translations'>, tag: string): SurveyTexts | undefined {
  const all = survey.translations ?? {};
  const exact = Object.keys(all).find((key) => key.toLowerCase() === tag.toLowerCase());
  const base = Object.keys(all).find((key) => key.toLowerCase() === baseLanguage(tag));
  return all[exact ?? base ?? ''];
}

/**
 * The survey with its texts in `tag`: every text the translation gives replaces the original, anything it leaves
 * out stays as written. Ids, options and logic are untouched, so answers are the same in every language.
 */
export function localizeSurvey(survey: SurveyDefinition, tag: string): SurveyDefinition {
  const texts = textsFor(survey, tag);
  if (!texts) return survey;
  return {
    ...survey,
    thankYou: { ...survey.thankYou, ...texts.thankYou },
    questions: survey.questions.map((question): Question => {
      const { options, ...own } = texts.questions?.[question.id] ?? {};
      const localized = { ...question, ...pick(question, own) } as Question;
      if ('options' in localized && options)
        return { ...localized, options: localized.options.map((o) => ({ ...o, label: options[o.id] ?? o.label })) };
      return localized;
    }),
  };
}

/** Only the text fields this type of question has: a `body` meant for a CTA never lands on an NPS question. */
function pick(question: Question, fields: Record<string, unknown>): Record<string, unknown> {
  const shape: Record<Question['type'], readonly string[]> = {
    nps: ['prompt', 'lowLabel', 'highLabel'],
    csat: ['prompt', 'lowLabel', 'highLabel'],
    ces: ['prompt', 'lowLabel', 'highLabel'],
    rating: ['prompt', 'lowLabel', 'highLabel'],
    single_choice: ['prompt'],
    multiple_choice: ['prompt'],
    text: ['prompt', 'placeholder'],
    cta: ['prompt', 'body', 'buttonLabel'],
  };
  return Object.fromEntries(Object.entries(fields).filter(([key, value]) => value !== undefined && shape[question.type].includes(key)));
}
