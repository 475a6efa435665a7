// Rules shared by the browser and the server, free of zod so the widget can import them at runtime.
// The `default` of an exhaustive switch: a member added to the union fails the build there.
export { unreachable } from './unreachable.js';
export { matchesCondition } from './matches-condition.js';
export { answerFault, isValidAnswer } from './valid-answer.js';
export { isContactAnswer, normalizePhone } from './contact-answer.js';
export type { AnswerFault } from './valid-answer.js';
// Which texts each question type shows: the widget localizes just those, the console's translation form offers them.
export { QUESTION_TEXT_FIELDS } from './question-text-fields.js';
export type { QuestionTextField } from './question-text-fields.js';
export { followUpReason } from './follow-up-reason.js';
export { contactOf } from './contact-of.js';
// The device kind from a user agent: the browser picks whom to ask with it, the server shows it to support staff.
export { deviceOfUserAgent } from './device-of-user-agent.js';
export type { DeviceType } from './device-of-user-agent.js';
// URL rules: the browser's targeting and triggers test the page with them, the server's routing the answer's page.
export { matchUrl } from '../targeting/match-url.js';
export type { PageUrl } from '../targeting/match-url.js';
// Where a case may go from each status: the server enforces it, the console offers only these moves.
export { TRANSITIONS, transitionVerdict } from './case-transitions.js';
export type { TransitionRefusal, TransitionVerdict } from './case-transitions.js';
// What each console role may do: the server enforces it, the console shows only what would be allowed.
export { PERMISSIONS, ROLE_PERMISSIONS } from './permissions.js';
export type { Permission } from './permissions.js';
