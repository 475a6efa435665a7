import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { baseLanguage, isRtl } from './language-tag.js';
import type { QuestionTextField, TextLanguages } from './localize-survey.js';

/** `lang` and `dir` for an element whose text is not in the card's language; empty when it is. */
export type LanguageMark = { lang?: string; dir?: 'ltr' | 'rtl' };

/** The marks for each survey text, as spread onto the element that shows it (`<h2 {...marks.question(id, 'prompt')}>`). */
export interface TextMarks {
  question(id: string, field: QuestionTextField): LanguageMark;
  option(questionId: string, optionId: string): LanguageMark;
  thankYou(field: 'title' | 'body'): LanguageMark;
}

/**
 * Marks relative to the card's language. A text in another language gets its own `lang` (screen readers switch
 * voice, browsers hyphenate and pick fonts for it) and `dir`, which also isolates it from the text around it: an
 * English "…score?" inside an Arabic card keeps its question mark at its end. Same base language: no mark.
 */
export function textMarks(languages: TextLanguages, cardLanguage: string): TextMarks {
  const mark = (tag: string | undefined): LanguageMark =>
    tag === undefined || baseLanguage(tag) === baseLanguage(cardLanguage) ? {} : { lang: tag, dir: isRtl(tag) ? 'rtl' : 'ltr' };
  return {
    question: (id, field) => mark(languages.question(id, field)),
    option: (questionId, optionId) => mark(languages.option(questionId, optionId)),
    thankYou: (field) => mark(languages.thankYou(field)),
  };
}

const UNMARKED: TextMarks = { question: () => ({}), option: () => ({}), thankYou: () => ({}) };

/** Provided once per showing by the presenter; a component rendered on its own (tests) marks nothing. */
export const TextMarksContext = createContext<TextMarks>(UNMARKED);

export const useTextMarks = () => useContext(TextMarksContext);
