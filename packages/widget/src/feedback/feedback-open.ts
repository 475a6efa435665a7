import { FEEDBACK_HOST_TAG } from './mount-feedback-tab.js';

/**
 * Whether the feedback form is open in `doc` (on screen, or set aside under a survey the visitor asked for): the
 * core's `busy` option, so a survey whose trigger fires meanwhile is dropped rather than shown over the visitor's
 * half-written feedback. It reads the DOM, not a variable, so it holds across chunks and across the script tag and
 * the npm build on one page. Part of closeloop.js: kept to one query.
 */
export function feedbackOpen(doc: Document = document): boolean {
  return !!doc.querySelector(FEEDBACK_HOST_TAG)?.shadowRoot?.querySelector('.card');
}
