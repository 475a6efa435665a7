import type { SurveyDefinition } from '@closeloop/sdk/schemas';
import type { Answers } from '../repos/responses.js';

/**
 * The response's NPS score: the answer to the survey's first NPS question, or null while it has none (a later step
 * may bring it). The answers were checked against the survey already, so a number there is a 0–10 score.
 */
export function npsScoreOf(survey: SurveyDefinition, answers: Answers): number | null {
  for (const question of survey.questions) {
    const value = answers[question.id];
    if (question.type === 'nps' && typeof value === 'number') return value;
  }
  return null;
}
