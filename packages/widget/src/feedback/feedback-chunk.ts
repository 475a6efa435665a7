// Entry of the feedback chunk (closeloop-feedback-<hash>.js): the form the feedback tab loads on first open, so
// pages pay only for the tab until a visitor asks for more.
export { openFeedbackForm } from './feedback-form.js';
export type { FeedbackFormOptions } from './feedback-form.js';
