/**
 * The rules of a feedback submission that the browser core checks before it queues one, so the server never
 * refuses (and the outbox never drops) what the visitor wrote. This file imports nothing, so the core can use it
 * without pulling zod into the page; feedback-submission.ts builds its schema from the same values.
 */
export const FEEDBACK_CATEGORIES = ['idea', 'problem', 'praise', 'other'] as const;

/** The longest comment the feedback form takes; the widget enforces it and the server re-checks. */
export const FEEDBACK_COMMENT_MAX = 2000;

/** The longest email address (RFC 5321's path limit). */
export const FEEDBACK_EMAIL_MAX = 254;

/** An email address: zod's own default pattern, written out so the core and the server agree exactly. */
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/**
 * Whether `value` is an email address the server takes (pattern and length): the feedback form's optional email and
 * a contact answer's address, one check in the core for both.
 */
export const isEmail = (value: unknown): value is string => typeof value === 'string' && value.length <= FEEDBACK_EMAIL_MAX && EMAIL_PATTERN.test(value);
