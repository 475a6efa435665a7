// The senders the job runner calls: each resolves to a delivery record and never throws for a receiver's failing.
export type { CaseNotice, ScoreQuestionType } from './case-notice.js';
export * from './email/index.js';
export * from './slack/index.js';
export * from './webhook/index.js';
