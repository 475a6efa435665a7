export { createCloseloop } from './core/create-closeloop.js';
export { uuidv7 } from './core/uuidv7.js';
export type {
  Attributes,
  Closeloop,
  CloseloopOptions,
  EventMap,
  EventProperties,
  IdentifyOptions,
  LifecycleEvents,
  Presenter,
  SurveySession,
  TriggerSource,
} from './core/types.js';
// Types only: the zod schemas themselves live behind `@closeloop/sdk/schemas`, outside the per-page bundle.
export type { AnswerValue, Question, ResponseSubmission, SurveyDefinition, Trigger } from './schemas/index.js';
