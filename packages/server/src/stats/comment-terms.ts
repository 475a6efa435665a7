import { ara, deu, eng, fra, nld, nob, pol, spa, swe } from 'stopword';

/**
 * The languages whose stop words are left out of the themes: those the widget ships strings for (en, de, es, fr, nb,
 * nl, pl, sv, ar), since those are the languages customers are asked in. Lists from the `stopword` package.
 */
export const THEME_LANGUAGES = ['en', 'de', 'es', 'fr', 'nb', 'nl', 'pl', 'sv', 'ar'] as const;
const STOP_WORDS = new Set([eng, deu, spa, fra, nob, nld, pol, swe, ara].flat().map((word) => word.toLowerCase()));

/** A comment's words in order, lower-cased; `null` where a stop word (or a lone letter or number) stood, so phrases do not jump over it. */
export function commentWords(comment: string): (string | null)[] {
  const tokens = comment.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  return tokens.map((token) => (token.length < 2 || /^\p{N}+$/u.test(token) || STOP_WORDS.has(token) || STOP_WORDS.has(token.replace(/’/g, "'")) ? null : token));
}

/** The words and two-word phrases a comment uses, each once. */
export function commentTerms(comment: string): { words: Set<string>; phrases: Set<string> } {
  const words = commentWords(comment);
  const phrases = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    const [a, b] = [words[i - 1], words[i]];
    if (a && b && a !== b) phrases.add(`${a} ${b}`);
  }
  return { words: new Set(words.filter((w): w is string => w !== null)), phrases };
}
