import { isEmail } from '../schemas/feedback-limits.js';

/** A phone number as people type it: 7–20 digits, a + only in front, single spaces or dashes between digits. */
const isPhone = (value: unknown): value is string => typeof value === 'string' && /^\+?(?:\d[ -]?){6,19}\d$/.test(value);

/**
 * Whether `value` is a contact answer the server takes: `{ consent: false }`, or `{ consent: true }` with a
 * `channel` and an `address` that fits it (an email address by the feedback form's own check; a phone number as
 * people type it). The one rule: `answerFault` applies it for the core and the contract, and the widget's contact
 * step imports it alone, so the UI chunk does not carry every question type's rules. Read as unknowns, since the
 * browser hands in whatever a UI built; a refusal's other fields are not looked at (the contract drops them).
 */
export function isContactAnswer(value: unknown): boolean {
  const { consent, channel, address } = (value ?? {}) as { consent?: unknown; channel?: unknown; address?: unknown };
  return consent === false || (consent === true && (channel === 'email' ? isEmail(address) : channel === 'phone' && isPhone(address)));
}

/** A phone number as it is kept: its digits and leading +, without the spaces and dashes it was typed with. */
export const normalizePhone = (address: string): string => address.replace(/[ -]/g, '');
