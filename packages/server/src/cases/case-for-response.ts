import type { AnswerValue, FollowUpPriority, ProjectSettings, RoutingTarget, SurveyDefinition, SurveyFollowUp } from '@closeloop/sdk/schemas';
import { dueAt } from './business-hours-due.js';
import { casePriority } from './case-priority.js';
import type { CaseFacts } from './case-facts.js';
import { DEFAULT_DUE_IN_HOURS } from './follow-up-sla.js';
import { followUpReason } from '@closeloop/sdk/logic';
import { routingTarget } from './routing-target.js';

/** The case a response's answers call for: the answer that matched, and the case's terms. */
export interface ResponseCaseTerms {
  reason: SurveyFollowUp['reason'];
  priority: FollowUpPriority;
  dueAt: string;
  /** Where the survey's routing rules send it; null: unassigned. */
  route: RoutingTarget | null;
}

/**
 * The case a response opens, if its answers match the survey's rule: its priority from the score and the
 * customer's value, due `followUp.dueIn` hours (48 by default) after the answer, in business hours when the project
 * keeps them, and routed by the survey's rules.
 */
export function caseForResponse(
  survey: Pick<SurveyDefinition, 'questions' | 'followUp'>,
  answers: Record<string, AnswerValue>,
  facts: CaseFacts,
  settings: Pick<ProjectSettings, 'businessHours' | 'customerValue'>,
): ResponseCaseTerms | null {
  const reason = followUpReason(survey, answers);
  if (reason === null) return null;
  const question = survey.questions.find((q) => q.id === reason.question);
  return {
    reason,
    priority: casePriority(question ? { type: question.type, value: reason.value } : null, settings.customerValue, facts.verifiedAttributes),
    dueAt: dueAt(facts.since, survey.followUp.dueIn ?? DEFAULT_DUE_IN_HOURS, settings.businessHours).toISOString(),
    route: routingTarget(survey.followUp.routing ?? [], { url: facts.url, answers, attributes: facts.attributes }),
  };
}
