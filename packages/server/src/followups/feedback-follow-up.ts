import type { FeedbackCategory } from '@closeloop/sdk/schemas';
import type { NewFeedbackFollowUp } from '../store/store.js';
import { FOLLOW_UP_SLA_MS } from './open-follow-up.js';

/**
 * The case a feedback opens: a `problem` is someone waiting for help, so it gets the same first-reply target as a
 * detractor (open, normal priority, due 48 h after it was sent); ideas, praise and the rest are read, not worked.
 */
export function feedbackFollowUp(category: FeedbackCategory, sentAt: Date): NewFeedbackFollowUp | null {
  if (category !== 'problem') return null;
  return { priority: 'normal', dueAt: new Date(sentAt.getTime() + FOLLOW_UP_SLA_MS).toISOString() };
}
