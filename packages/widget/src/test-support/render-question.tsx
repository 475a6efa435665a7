import type { ComponentChildren } from 'preact';
import { render } from '@testing-library/preact';
import type { RenderResult } from '@testing-library/preact';
import { StringsContext } from '../i18n/strings-context.js';
import type { Strings } from '../i18n/strings.js';
import { en } from '../i18n/strings.js';

/** Renders a question as the survey would: inside the strings of a language, left to right or mirrored. */
export function renderQuestion(ui: ComponentChildren, { strings = en, rtl = false }: { strings?: Strings; rtl?: boolean } = {}): RenderResult {
  return render(
    <StringsContext.Provider value={strings}>
      <div dir={rtl ? 'rtl' : 'ltr'}>{ui}</div>
    </StringsContext.Provider>,
  );
}
