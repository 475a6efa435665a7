import type { Attributes } from '@closeloop/sdk';
import type { SurveyDefinition } from '@closeloop/sdk/schemas';
import { baseLanguage, isLanguageTag } from './language-tag.js';
import { hasStrings } from './load-strings.js';

/**
 * The language to show a survey in: the survey's `display.locale` when it fixes one; otherwise the first of the
 * visitor's `locale`/`language` identify attributes and browser languages that the survey has texts for or the
 * widget has strings for; English when none fits.
 */
export function resolveLocale(
  survey: Pick<SurveyDefinition, 'display' | 'translations'>,
  attributes: Readonly<Attributes> | undefined,
  browserLanguages: readonly string[],
): string {
  if (survey.display?.locale) return survey.display.locale;
  const translated = Object.keys(survey.translations ?? {});
  const candidates = [attributes?.locale, attributes?.language, ...browserLanguages];
  for (const candidate of candidates) {
    if (!isLanguageTag(candidate)) continue;
    if (hasStrings(candidate) || translated.some((tag) => tag === candidate || baseLanguage(tag) === baseLanguage(candidate))) return candidate;
  }
  return 'en';
}
