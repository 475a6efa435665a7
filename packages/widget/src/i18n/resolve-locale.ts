import type { SurveyDefinition } from '@closeloop/sdk/schemas';
import { baseLanguage } from './language-tag.js';
import { hasStrings } from './load-strings.js';

/**
 * The language to show a survey in: the survey's `display.locale` when it fixes one (a survey for one market keeps
 * its language on any page); otherwise the first of the page's wanted languages (wanted-languages.ts) that the
 * survey has a translation for or the widget has words for; English when none fits.
 */
export function resolveLocale(survey: Pick<SurveyDefinition, 'display' | 'translations'>, wanted: readonly string[]): string {
  if (survey.display?.locale) return survey.display.locale;
  const translated = Object.keys(survey.translations ?? {}).map(baseLanguage);
  return wanted.find((tag) => hasStrings(tag) || translated.includes(baseLanguage(tag))) ?? 'en';
}
