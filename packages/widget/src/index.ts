export { createPresenter, present } from './ui.js';
export type { PresenterOptions } from './ui.js';
export { HOST_TAG, mount } from './mount.js';
export type { Mounted } from './mount.js';
export { feedbackButton } from './feedback/feedback-button.js';
export { feedbackOpen } from './feedback/feedback-open.js';
export type { FeedbackButtonOptions } from './feedback/feedback-button.js';
export type { FeedbackPosition } from './feedback/feedback-settings.js';
