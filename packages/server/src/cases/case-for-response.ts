import type { AnswerValue, FollowUpPriority, SurveyDefinition, SurveyFollowUp } from '@closeloop/sdk/schemas';
import { FOLLOW_UP_SLA_MS } from './follow-up-sla.js';
import { followUpTrigger } from './follow-up-trigger.js';

/** The case a response's answers call for: the answer that matched, and the case's terms. */
export interface ResponseCaseTerms {
  trigger: SurveyFollowUp['trigger'];
  priority: FollowUpPriority;
  dueAt: string;
}

/** The case a response opens, if its answers match the survey's rule: normal priority, due after the SLA. */
export function caseForResponse(
  survey: Pick<SurveyDefinition, 'questions' | 'followUp'>,
  answers: Record<string, AnswerValue>,
  answeredAt: Date,
): ResponseCaseTerms | null {
  const trigger = followUpTrigger(survey, answers);
  if (trigger === null) return null;
  return { trigger, priority: 'normal', dueAt: new Date(answeredAt.getTime() + FOLLOW_UP_SLA_MS).toISOString() };
}
