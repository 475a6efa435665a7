import type { FeedbackCategory } from '@closeloop/sdk/schemas';

/**
 * The feedback form's words in one language. English ships in the feedback chunk; every other language is its
 * own small chunk beside it (load-feedback-strings.ts), fetched only for a visitor who reads it. The tab's label
 * is the site's own (`data-feedback-button`), so it is not here.
 */
export interface FeedbackStrings {
  title: string;
  /** Legend of the category group. */
  about: string;
  categories: Readonly<Record<FeedbackCategory, string>>;
  comment: string;
  email: string;
  send: string;
  /** Name of the × button. */
  close: string;
  /** The button under the confirmation. */
  done: string;
  needCategory: string;
  needComment: string;
  badEmail: string;
  notSent: string;
  thanks: string;
  received: string;
}

export const en: FeedbackStrings = {
  title: 'Send feedback',
  about: 'What is it about?',
  categories: { idea: 'Idea', problem: 'Problem', praise: 'Praise', other: 'Other' },
  comment: 'Your feedback',
  email: 'Email (optional, so we can reply)',
  send: 'Send',
  close: 'Close feedback',
  done: 'Close',
  needCategory: 'Choose what your feedback is about.',
  needComment: 'Write a few words before sending.',
  badEmail: 'That email address does not look right; fix it or leave it empty.',
  notSent: 'Your feedback could not be sent. Please check it and try again.',
  thanks: 'Thank you!',
  received: 'We received your feedback.',
};
