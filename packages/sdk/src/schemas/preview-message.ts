import { z } from 'zod';
import { LanguageTag } from './language-tag.js';
import { Slug } from './ids.js';

/** The `type` of a message the console sends to the widget preview (`closeloop-preview.html`). */
export const PREVIEW_MESSAGE = 'closeloop:preview';
/** The `type` of the message the preview sends its parent once it listens, so the parent sends the survey then. */
export const PREVIEW_READY = 'closeloop:preview-ready';

/**
 * What the console's survey editor sends the widget preview in its iframe (same origin only): the survey being
 * edited and how to show it. `survey` stays unknown here: the preview parses it with `SurveyDefinition` itself and
 * keeps showing the last valid draft while the editor holds an invalid one. `step` is the question to open at (the
 * one being edited; the first when unset or unknown), `locale` the language to show (a translation's tag, or the
 * survey's own language), `scheme` light or dark whatever the survey's colour scheme.
 */
export const PreviewMessage = z.object({
  type: z.literal(PREVIEW_MESSAGE),
  survey: z.unknown(),
  step: Slug.optional(),
  locale: LanguageTag.optional(),
  scheme: z.enum(['light', 'dark']).optional(),
});
export type PreviewMessage = z.infer<typeof PreviewMessage>;
