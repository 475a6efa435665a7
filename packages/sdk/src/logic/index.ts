// Rules shared by the browser and the server, free of zod so the widget can import them at runtime.
export { matchesCondition } from './matches-condition.js';
export { answerFault, isValidAnswer } from './valid-answer.js';
export { isContactAnswer, normalizePhone } from './contact-answer.js';
export type { AnswerFault } from './valid-answer.js';
export { followUpReason } from './follow-up-reason.js';
export { contactOf } from './contact-of.js';
