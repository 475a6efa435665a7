import { isLanguageTag } from '../../i18n/language-tag.js';
import { stringsLoader } from '../../i18n/strings-loader.js';
import type { FeedbackStrings } from './strings.js';
import { en } from './strings.js';

/** The form's built-in words, one chunk per language (closeloop-<lang>-feedback-<hash>.js). */
const feedback = stringsLoader<FeedbackStrings>(en, {
  sv: () => import('./sv.js'),
  nl: () => import('./nl.js'),
  nb: () => import('./nb.js'),
  pl: () => import('./pl.js'),
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  ar: () => import('./ar.js'),
});

export const hasFeedbackStrings = feedback.has;
export const loadFeedbackStrings = feedback.load;

/**
 * The form's language, chosen as a survey's is but without a survey config: the site's `data-locale` (or the npm
 * `locale` option) when it names one, taken as is; otherwise the first browser language the form has words for;
 * English when none fits.
 */
export function resolveFeedbackLocale(fixed: string | null | undefined, browserLanguages: readonly string[]): string {
  if (isLanguageTag(fixed)) return fixed;
  return browserLanguages.find((tag) => isLanguageTag(tag) && hasFeedbackStrings(tag)) ?? 'en';
}
