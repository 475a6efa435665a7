import { FEEDBACK_CATEGORIES, FEEDBACK_COMMENT_MAX, isEmail } from '../schemas/feedback-limits.js';
import type { FeedbackSubmission } from '../schemas/feedback-submission.js';
import type { Respondent } from '../schemas/respondent.js';
import { pageContext } from './page-context.js';
import type { FeedbackInput } from './types.js';
import { uuidv7 } from './uuidv7.js';
import { warn } from './warn.js';

export interface SendFeedbackOptions {
  project: string;
  respondent: () => Respondent;
  deliver: (submission: FeedbackSubmission) => void;
}

/**
 * `feedback()`: checks what the visitor wrote against the rules the server applies, then queues it in the durable
 * outbox under a fresh UUIDv7. Returns whether it was queued; a refusal is one console warning naming the field,
 * never an exception, because a feedback the server would refuse is better caught while the visitor is there.
 */
export function sendFeedback({ project, respondent, deliver }: SendFeedbackOptions) {
  return function feedback(input: FeedbackInput): boolean {
    const { category, email } = input ?? {};
    const comment = typeof input?.comment === 'string' ? input.comment.trim() : '';
    const who = respondent();
    const problem = !(FEEDBACK_CATEGORIES as readonly unknown[]).includes(category)
      ? `category must be one of ${FEEDBACK_CATEGORIES.join(', ')}`
      : !comment || comment.length > FEEDBACK_COMMENT_MAX
        ? `comment must be 1–${FEEDBACK_COMMENT_MAX} characters`
        : email !== undefined && !isEmail(email)
          ? 'email must be an email address'
          : undefined;
    if (problem) {
      warn(`feedback() not sent: ${problem}`);
      return false;
    }
    // An identified user is reached through their account; the server refuses a second address beside it.
    const anonymous = who.userId === undefined;
    if (!anonymous && email !== undefined) warn('feedback() sent without the email: the user is identified');
    deliver({
      id: uuidv7(),
      project,
      category,
      comment,
      email: anonymous ? email : undefined,
      respondent: who,
      context: pageContext(),
      sentAt: new Date().toISOString(),
    });
    return true;
  };
}
