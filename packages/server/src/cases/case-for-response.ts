import type { AnswerValue, FollowUpPriority, SurveyDefinition, SurveyFollowUp } from '@closeloop/sdk/schemas';
import { FOLLOW_UP_SLA_MS } from './follow-up-sla.js';
import { followUpReason } from './follow-up-reason.js';

/** The case a response's answers call for: the answer that matched, and the case's terms. */
export interface ResponseCaseTerms {
  reason: SurveyFollowUp['reason'];
  priority: FollowUpPriority;
  dueAt: string;
}

/** The case a response opens, if its answers match the survey's rule: normal priority, due after the SLA. */
export function caseForResponse(
  survey: Pick<SurveyDefinition, 'questions' | 'followUp'>,
  answers: Record<string, AnswerValue>,
  answeredAt: Date,
): ResponseCaseTerms | null {
  const reason = followUpReason(survey, answers);
  if (reason === null) return null;
  return { reason, priority: 'normal', dueAt: new Date(answeredAt.getTime() + FOLLOW_UP_SLA_MS).toISOString() };
}
