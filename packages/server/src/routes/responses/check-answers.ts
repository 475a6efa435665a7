import { answerSchema } from '@closeloop/sdk/schemas';
import type { AnswerValue, ErrorIssue, SurveyDefinition } from '@closeloop/sdk/schemas';
import { HttpError } from '../../http/http-error.js';

/**
 * Checks each answer against its question (a 0–10 integer for NPS, text within the question's limit), naming
 * `answers.<id>` for every one at fault, unknown question ids included: a 422, the body is well-formed but does
 * not fit this survey.
 */
export function checkAnswers(survey: SurveyDefinition, answers: Record<string, AnswerValue>): void {
  const issues: ErrorIssue[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const question = survey.questions.find((q) => q.id === id);
    if (question === undefined) {
      issues.push({ path: `answers.${id}`, message: `survey ${survey.id} has no question "${id}"` });
      continue;
    }
    const result = answerSchema(question).safeParse(value);
    if (!result.success) issues.push(...result.error.issues.map((i) => ({ path: `answers.${id}`, message: i.message })));
  }
  if (issues.length > 0) {
    throw new HttpError(422, 'invalid_answers', `Answers do not fit survey ${survey.id}: ${issues.map((i) => i.path).join(', ')}`, { issues });
  }
}
