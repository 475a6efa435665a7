import type { FeedbackCategory, FollowUpPriority, ProjectSettings, RoutingTarget } from '@closeloop/sdk/schemas';
import { dueAt } from './business-hours-due.js';
import type { CaseFacts } from './case-facts.js';
import { casePriority } from './case-priority.js';
import { DEFAULT_DUE_IN_HOURS } from './follow-up-sla.js';
import { routingTarget } from './routing-target.js';

export interface FeedbackCaseTerms {
  priority: FollowUpPriority;
  dueAt: string;
  route: RoutingTarget | null;
}

/**
 * The case a feedback opens: a `problem` is someone waiting for help, so it gets the same first-reply target as a
 * detractor (due 48 h after it was sent, in business hours when the project keeps them), normal priority raised by
 * the customer's value, routed by the project's `feedbackRouting`. Ideas, praise and the rest are read, not worked.
 */
export function caseForFeedback(
  category: FeedbackCategory,
  facts: CaseFacts,
  settings: Pick<ProjectSettings, 'businessHours' | 'customerValue' | 'feedbackRouting'>,
): FeedbackCaseTerms | null {
  if (category !== 'problem') return null;
  return {
    priority: casePriority(null, settings.customerValue, facts.verifiedAttributes),
    dueAt: dueAt(facts.since, DEFAULT_DUE_IN_HOURS, settings.businessHours).toISOString(),
    route: routingTarget(settings.feedbackRouting, { url: facts.url, answers: {}, attributes: facts.attributes }),
  };
}
