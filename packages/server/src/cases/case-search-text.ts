import type { AnswerValue, SurveyDefinition } from '@closeloop/sdk/schemas';

/**
 * What `?q=` searches in a survey case: the customer's text answers (not choice ids or scores), one per line,
 * lower-cased so one LIKE matches regardless of case on both dialects.
 */
export function responseSearchText(survey: Pick<SurveyDefinition, 'questions'>, answers: Record<string, AnswerValue>): string {
  const textQuestions = new Set(survey.questions.filter((q) => q.type === 'text').map((q) => q.id));
  return Object.entries(answers)
    .flatMap(([id, value]) => (textQuestions.has(id) && typeof value === 'string' ? [value] : []))
    .join('\n')
    .toLowerCase();
}

/** What `?q=` searches in a feedback case: the comment. */
export function feedbackSearchText(comment: string): string {
  return comment.toLowerCase();
}
