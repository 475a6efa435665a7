import { consolePath } from '../../paths.js';

/** The editor's address for a survey not created yet: `_new` can never be a survey id (ids start with a letter or digit). */
export const NEW_SURVEY = '_new';

/** The editor of survey `id` (or of a new one, `NEW_SURVEY`). */
export function surveyPath(id: string): string {
  return consolePath(`/surveys/${encodeURIComponent(id)}`);
}
