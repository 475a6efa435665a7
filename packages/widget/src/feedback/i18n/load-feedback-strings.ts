import { baseLanguage, isLanguageTag, wordsKey } from '../../i18n/language-tag.js';
import type { FeedbackStrings } from './strings.js';
import { en } from './strings.js';

/**
 * One dynamic import per language, as for the survey's strings (src/i18n/load-strings.ts), whose list this one
 * mirrors: each build needs literal import paths to emit its own chunks (here closeloop-<lang>-feedback-<hash>.js).
 * Norwegian `no`/`nn` read Bokmål (`wordsKey`).
 */
const LOADERS: Record<string, () => Promise<{ default: FeedbackStrings }>> = {
  sv: () => import('./sv.js'),
  nl: () => import('./nl.js'),
  nb: () => import('./nb.js'),
  pl: () => import('./pl.js'),
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  ar: () => import('./ar.js'),
};

/**
 * The form's language, chosen as a survey's is but without a survey config: the site's `data-locale` (or the npm
 * `locale` option) when it names one, taken as is; otherwise the first browser language the form has words for;
 * English when none fits.
 */
export function resolveFeedbackLocale(fixed: string | null | undefined, browserLanguages: readonly string[]): string {
  if (isLanguageTag(fixed)) return fixed;
  return browserLanguages.find((tag) => isLanguageTag(tag) && hasFeedbackStrings(tag)) ?? 'en';
}

/** Whether the form has its own words for `tag` (English included). */
export const hasFeedbackStrings = (tag: string) => baseLanguage(tag) === 'en' || wordsKey(tag) in LOADERS;

/** The form's words in `tag`: English at once, others from their chunk; unknown or failed to load: English. */
export function loadFeedbackStrings(tag: string): FeedbackStrings | Promise<FeedbackStrings> {
  const load = LOADERS[wordsKey(tag)];
  return load ? load().then((module) => module.default, () => en) : en;
}
