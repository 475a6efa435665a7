import { baseLanguage, wordsKey } from './language-tag.js';

/** Built-in words for one part of the widget: English inline, other languages each in their own chunk. */
export interface StringsLoader<T> {
  /** Whether there are built-in words for `tag` (English included). */
  has(tag: string): boolean;
  /**
   * The words for `tag`: English at once (no await, so English renders in the same tick), others from their chunk;
   * an unknown language, or a chunk that fails to load, falls back to English.
   */
  load(tag: string): T | Promise<T>;
}

/**
 * The choice and loading logic shared by the survey's and the feedback form's words. Each caller keeps its own
 * table of literal `import()`s, because the build emits one chunk per literal path. Keys are base languages;
 * Norwegian `no`/`nn` read Bokmål (`wordsKey`).
 */
export function stringsLoader<T>(en: T, loaders: Record<string, () => Promise<{ default: T }>>): StringsLoader<T> {
  return {
    has: (tag) => baseLanguage(tag) === 'en' || wordsKey(tag) in loaders,
    load(tag) {
      const load = loaders[wordsKey(tag)];
      return load ? load().then((module) => module.default, () => en) : en;
    },
  };
}
