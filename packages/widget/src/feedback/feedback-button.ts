import type { Closeloop } from '@closeloop/sdk';
import type { FeedbackColorScheme } from './feedback-form.js';
import type { FeedbackPosition } from './feedback-settings.js';
import { startFeedbackButton } from './start-feedback-button.js';

export interface FeedbackButtonOptions {
  /** The tab's text. Default `Feedback`. */
  label?: string;
  /** Default `right`. */
  position?: FeedbackPosition;
  /** The document to show it in; defaults to the global one. */
  document?: Document;
  /** The form's language tag; default: the first of `navigator.languages` it has words for, else English. */
  locale?: string;
  /** Default `auto`: follows `prefers-color-scheme`. */
  colorScheme?: FeedbackColorScheme;
}

/**
 * The feedback button for apps that use the npm packages: what `data-feedback-button` does for the script tag.
 * The form is a separate chunk of your bundle, loaded on the first activation. Returns what removes the tab.
 */
export function feedbackButton(
  closeloop: Pick<Closeloop, 'feedback' | 'identified' | 'attributes'>,
  { label = 'Feedback', position = 'right', document: doc = document, locale, colorScheme }: FeedbackButtonOptions = {},
): () => void {
  // The script tag's form reads data-locale/data-color-scheme itself; here the options are handed to it.
  return startFeedbackButton(doc, { label, position }, closeloop, async () => {
    const { openFeedbackForm } = await import('./feedback-chunk.js');
    return { openFeedbackForm: (options) => openFeedbackForm({ ...options, locale, colorScheme }) };
  });
}
