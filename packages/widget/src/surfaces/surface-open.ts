import { feedbackOpen } from '../feedback/feedback-open.js';
import { MESSAGES_HOST_TAG } from '../messages/message-host.js';

/**
 * Whether one of the surfaces that never give way to a survey opening by itself is open: the message panel (its
 * host element exists only while it is open) or the feedback form. The core's `busy` option (the script tag wires
 * it; npm apps pass it), so a survey whose trigger fires meanwhile is dropped, not shown over them. It reads the DOM,
 * so it holds across chunks and across the script tag and the npm build on one page. Part of closeloop.js.
 */
export function surfaceOpen(doc: Document = document): boolean {
  return !!doc.querySelector(MESSAGES_HOST_TAG) || feedbackOpen(doc);
}
