import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SurveyDraft } from './survey-draft.js';

/** The draft every field of the editor reads and writes, and whether the member may change it at all. */
export const DraftContext = createContext<{ draft: SurveyDraft; readOnly: boolean } | null>(null);

export function useDraft() {
  const value = useContext(DraftContext);
  if (!value) throw new Error('survey editor fields need a <DraftContext.Provider> (survey-editor-page.tsx)');
  return value;
}
