import { QUESTION_TEXT_FIELDS } from '@closeloop/sdk/logic';
import type { QuestionTextField } from '@closeloop/sdk/logic';
import type { Question, SurveyDefinition, SurveyTexts } from '@closeloop/sdk/schemas';
import { baseLanguage } from './language-tag.js';

/** The survey's translation for `tag` and its key: the exact tag (`pt-BR`), then its base language (`pt`), then a sibling (`pt-PT`). */
function translationFor(survey: Pick<SurveyDefinition, 'translations'>, tag: string): [key: string, texts: SurveyTexts] | undefined {
  const keys = Object.keys(survey.translations ?? {});
  const key =
    keys.find((k) => k.toLowerCase() === tag.toLowerCase()) ??
    keys.find((k) => k.toLowerCase() === baseLanguage(tag)) ??
    keys.find((k) => baseLanguage(k) === baseLanguage(tag));
  return key === undefined ? undefined : [key, survey.translations![key]!];
}

/**
 * The language the survey's own texts are written in: its `language`; for a survey from before that field, the
 * `display.locale` it fixes when it has no translation for it (it was written in that language); else English.
 */
export function sourceLanguage(survey: Pick<SurveyDefinition, 'language' | 'display' | 'translations'>): string {
  const fixed = survey.display?.locale;
  return survey.language ?? (fixed && !translationFor(survey, fixed) ? fixed : 'en');
}

export type { QuestionTextField };

/**
 * The language each text of a localized survey is in: the translation's tag where it gave the text, the survey's
 * source language where it did not; `undefined` where the survey has no such text, because the widget shows its
 * own words there (an NPS question without `lowLabel` shows "Not likely" in the card's language).
 */
export interface TextLanguages {
  question(id: string, field: QuestionTextField): string | undefined;
  option(questionId: string, optionId: string): string | undefined;
  thankYou(field: 'title' | 'body'): string | undefined;
}

export interface LocalizedSurvey {
  /** The survey with every text the translation gives in its place. */
  survey: SurveyDefinition;
  languages: TextLanguages;
}

/**
 * The survey with its texts in `tag`: every text the translation gives replaces the original, anything it leaves
 * out stays as written (and is marked as such by `languages`). Ids, options and logic are untouched, so answers
 * are the same in every language.
 */
export function localizeSurvey(original: SurveyDefinition, tag: string): LocalizedSurvey {
  const source = sourceLanguage(original);
  const [key, texts] = translationFor(original, tag) ?? [source, undefined];
  const survey = texts ? translate(original, texts) : original;
  const languageOf = (shown: string | undefined, translated: string | undefined) => (shown === undefined ? undefined : translated === undefined ? source : key);
  const question = (id: string) => survey.questions.find((q) => q.id === id);
  return {
    survey,
    languages: {
      question: (id, field) => languageOf((question(id) as Partial<Record<QuestionTextField, string>> | undefined)?.[field], texts?.questions?.[id]?.[field]),
      option(questionId, optionId) {
        const shown = question(questionId);
        const label = shown && 'options' in shown ? shown.options.find((o) => o.id === optionId)?.label : undefined;
        return languageOf(label, texts?.questions?.[questionId]?.options?.[optionId]);
      },
      thankYou: (field) => languageOf(survey.thankYou[field], texts?.thankYou?.[field]),
    },
  };
}

function translate(survey: SurveyDefinition, texts: SurveyTexts): SurveyDefinition {
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
  const shape: readonly string[] = QUESTION_TEXT_FIELDS[question.type];
  return Object.fromEntries(Object.entries(fields).filter(([key, value]) => value !== undefined && shape.includes(key)));
}
