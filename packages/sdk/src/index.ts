export { createCloseloop } from './core/create-closeloop.js';
export { uuidv7 } from './core/uuidv7.js';
export { watchEarlyExits, type EarlyExits } from './triggers/early-exits.js';
export type {
  Attributes,
  Closeloop,
  CloseloopOptions,
  EventMap,
  EventProperties,
  FeedbackInput,
  IdentifyOptions,
  LifecycleEvents,
  Presenter,
  SignedVisitor,
  SurveySession,
  TriggerSource,
} from './core/types.js';
// Types only: the zod schemas themselves live behind `@closeloop/sdk/schemas`, outside the per-page bundle.
export type { AnswerValue, Question, ResponseSubmission, SurveyDefinition, Trigger } from './schemas/index.js';
export type { FeedbackCategory, FeedbackSubmission } from './schemas/index.js';
// Plain values without zod: the feedback form checks what the server will check.
export { FEEDBACK_CATEGORIES, FEEDBACK_COMMENT_MAX, FEEDBACK_EMAIL_MAX } from './schemas/feedback-limits.js';
export { OTHER_TEXT_MAX } from './schemas/submission-limits.js';
