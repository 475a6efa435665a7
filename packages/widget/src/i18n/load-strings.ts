import type { Strings } from './strings.js';
import { en } from './strings.js';
import { stringsLoader } from './strings-loader.js';

/** The survey's built-in words: one dynamic import per language, so a visitor downloads only their own. */
const survey = stringsLoader<Strings>(en, {
  sv: () => import('./sv.js'),
  nl: () => import('./nl.js'),
  nb: () => import('./nb.js'),
  pl: () => import('./pl.js'),
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  ar: () => import('./ar.js'),
});

export const hasStrings = survey.has;
export const loadStrings = survey.load;
