import type { Closeloop } from '@closeloop/sdk';
import type { FeedbackPosition } from './feedback-settings.js';
import { startFeedbackButton } from './start-feedback-button.js';

export interface FeedbackButtonOptions {
  /** The tab's text. Default `Feedback`. */
  label?: string;
  /** Default `right`. */
  position?: FeedbackPosition;
  /** The document to show it in; defaults to the global one. */
  document?: Document;
}

/**
 * The feedback button for apps that use the npm packages: what `data-feedback-button` does for the script tag.
 * The form is a separate chunk of your bundle, loaded on the first activation. Returns what removes the tab.
 */
export function feedbackButton(
  closeloop: Pick<Closeloop, 'feedback' | 'identified'>,
  { label = 'Feedback', position = 'right', document: doc = document }: FeedbackButtonOptions = {},
): () => void {
  return startFeedbackButton(doc, { label, position }, closeloop, () => import('./feedback-chunk.js'));
}
