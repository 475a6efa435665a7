import type { AnswerValue, SurveyDefinition } from '@closeloop/sdk/schemas';
import type { NewFollowUp } from '../store/store.js';
import { followUpTrigger } from './follow-up-trigger.js';

/** Support's first-reply target: a case is due two days after the answer that opened it. */
export const FOLLOW_UP_SLA_MS = 48 * 60 * 60 * 1000;

/** The case a response opens, if its answers match the survey's rule: open, normal priority, due after the SLA. */
export function openFollowUp(
  survey: Pick<SurveyDefinition, 'questions' | 'followUp'>,
  answers: Record<string, AnswerValue>,
  answeredAt: Date,
): NewFollowUp | null {
  const trigger = followUpTrigger(survey, answers);
  if (trigger === null) return null;
  return { trigger, priority: 'normal', dueAt: new Date(answeredAt.getTime() + FOLLOW_UP_SLA_MS).toISOString() };
}
