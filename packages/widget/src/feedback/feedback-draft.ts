import type { FeedbackCategory } from '@closeloop/sdk';

/** What the visitor typed into the feedback form and has not sent. */
export interface FeedbackDraft {
  category?: FeedbackCategory | undefined;
  comment: string;
  email: string;
}

/**
 * Drafts kept for the life of the page, one per feedback tab (its shadow root): closing the form (Escape, ×) keeps
 * what was typed, and reopening puts it back. Never sent on its own and never stored beyond the page: a visitor's
 * unsent words stay theirs. Sending the feedback forgets it.
 */
const drafts = new WeakMap<ShadowRoot, FeedbackDraft>();

export function draftOf(root: ShadowRoot): FeedbackDraft {
  let draft = drafts.get(root);
  if (!draft) drafts.set(root, (draft = { comment: '', email: '' }));
  return draft;
}

export function forgetDraft(root: ShadowRoot): void {
  drafts.delete(root);
}
