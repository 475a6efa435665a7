import type { Strings } from './strings.js';
import { en } from './strings.js';
import { baseLanguage, wordsKey } from './language-tag.js';

/**
 * One dynamic import per language, so the build emits each as its own small chunk and a visitor downloads only
 * their own. Keys are base languages; Norwegian `no`/`nn` read Bokmål (`wordsKey`).
 */
const LOADERS: Record<string, () => Promise<{ default: Strings }>> = {
  sv: () => import('./sv.js'),
  nl: () => import('./nl.js'),
  nb: () => import('./nb.js'),
  pl: () => import('./pl.js'),
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  ar: () => import('./ar.js'),
};

export const hasStrings = (tag: string) => baseLanguage(tag) === 'en' || wordsKey(tag) in LOADERS;

/**
 * The built-in strings for a language tag: English at once (no await, so an English survey renders in the same
 * tick), others from their chunk; an unknown language, or a chunk that fails to load, falls back to English.
 */
export function loadStrings(tag: string): Strings | Promise<Strings> {
  const load = LOADERS[wordsKey(tag)];
  return load ? load().then((module) => module.default, () => en) : en;
}
