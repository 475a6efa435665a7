/** An email address anywhere in a text: a library's error message may quote one (an SMTP refusal, a constraint). */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * A text fit for the log: email addresses replaced. Error messages and stacks are the one free text that reaches
 * the log, and they come from code this server does not control (SMTP servers, drivers), so they are scrubbed.
 */
export function scrub(text: string): string {
  return text.replace(EMAIL, '[email]');
}
