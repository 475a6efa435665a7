import type { ComponentChildren } from 'preact';
import type { Strings } from './strings.js';
import { StringsContext } from './strings-context.js';
import type { TextMarks } from './text-marks.js';
import { TextMarksContext } from './text-marks.js';

/** What the survey's components read about language: the widget's words, and the language of each survey text. */
export function LanguageProvider({ strings, marks, children }: { strings: Strings; marks: TextMarks; children: ComponentChildren }) {
  return (
    <StringsContext.Provider value={strings}>
      <TextMarksContext.Provider value={marks}>{children}</TextMarksContext.Provider>
    </StringsContext.Provider>
  );
}
