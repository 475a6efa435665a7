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
 * The form's language: the first of the page's wanted languages (wanted-languages.ts, the survey's order) it has
 * words for; English when none fits, so the form is never tagged with a language it does not speak.
 */
export function resolveFeedbackLocale(wanted: readonly string[]): string {
  return wanted.find(hasFeedbackStrings) ?? 'en';
}
