import type { Attributes } from '@closeloop/sdk';
import { isLanguageTag } from './language-tag.js';

/**
 * The languages the page asks for, most wanted first, from the first of these sources that names one: the site's
 * own word (`data-locale` on the script tag, or `given`, the npm `locale` option), then the `locale` and `language`
 * attributes given to `identify`, then the page's `<html lang>`, then the browser's languages. The survey and the
 * feedback form both choose from this one list, so a page speaks one language. Read when a survey or the form
 * opens, in their lazily loaded chunks (closeloop.js carries none of it), so a single-page app's new `lang` counts.
 */
export function wantedLanguages(doc: Document, given: string | undefined, attributes: Readonly<Attributes> | undefined): readonly string[] {
  const sources: ReadonlyArray<readonly unknown[]> = [
    [given ?? doc.querySelector('script[data-project]')?.getAttribute('data-locale')?.trim()],
    [attributes?.locale, attributes?.language],
    [doc.documentElement.lang.trim()],
    doc.defaultView?.navigator.languages ?? [],
  ];
  for (const source of sources) {
    const tags = source.filter(isLanguageTag);
    if (tags.length > 0) return tags;
  }
  return [];
}
