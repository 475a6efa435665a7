import type { FeedbackCategory, FollowUpPriority } from '@closeloop/sdk/schemas';
import { FOLLOW_UP_SLA_MS } from './follow-up-sla.js';

export interface FeedbackCaseTerms {
  priority: FollowUpPriority;
  dueAt: string;
}

/**
 * The case a feedback opens: a `problem` is someone waiting for help, so it gets the same first-reply target as a
 * detractor (open, normal priority, due 48 h after it was sent); ideas, praise and the rest are read, not worked.
 */
export function caseForFeedback(category: FeedbackCategory, sentAt: Date): FeedbackCaseTerms | null {
  if (category !== 'problem') return null;
  return { priority: 'normal', dueAt: new Date(sentAt.getTime() + FOLLOW_UP_SLA_MS).toISOString() };
}
