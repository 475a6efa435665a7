/**
 * The size of everything a browser sends: the schemas (respondent.ts, question.ts, response-submission.ts, …) build
 * their caps from these, and the browser core cuts or checks its values against the same numbers before it queues
 * an answer, so the server never refuses (and the outbox never drops) what a visitor gave. Zod-free, like
 * feedback-limits.ts, so the core imports it without pulling zod into the page.
 */

/** Questions in a survey, and so answers in one response. */
export const QUESTIONS_MAX = 20;
/** An open-text answer, and the largest `maxLength` a text question may set. */
export const ANSWER_TEXT_MAX = 5000;
/** Options chosen in one choice answer. */
export const CHOICES_MAX = 20;
/** An option id, like every slug. */
export const CHOICE_ID_MAX = 64;
/** The "Other" text of a choice answer. */
export const OTHER_TEXT_MAX = 500;

/** The browser's random id. */
export const ANONYMOUS_ID_MAX = 64;
/** The host's user id given to `identify()`. */
export const USER_ID_MAX = 256;
/** Attributes given to `identify()`, their names, and their text values. */
export const ATTRIBUTES_MAX = 50;
export const ATTRIBUTE_KEY_MAX = 100;
export const ATTRIBUTE_TEXT_MAX = 500;

/** The page and referrer addresses. */
export const URL_MAX = 2048;
/** A BCP 47 language tag (RFC 5646 advises supporting 35 characters). */
export const LOCALE_MAX = 35;
export const USER_AGENT_MAX = 512;
