import type { SurveyDefinition } from '@closeloop/sdk/schemas';

/*
 * A new case's notices (webhooks, Slack, staff email) wait for the rest of its customer's answer. The widget sends the
 * score the moment it is given, and the case opens with it; the comment follows once written, usually within a
 * minute. Told at once, Slack and the mail showed "no comment" for a customer who then wrote one. How long they wait
 * is the project's `commentWaitSeconds` (a minute unless set; 0 tells at once): a customer who stops after the score
 * is told of that much later. The console's inbox shows the case at once either way.
 */

/**
 * Whether the customer may still write what staff read first in a notice (the answer to the survey's first text
 * question that has one, `caseNoticeOf`): the response is not finished and no text question is answered yet.
 */
export function commentMayFollow(survey: SurveyDefinition, answers: Readonly<Record<string, unknown>>, finished: boolean): boolean {
  if (finished) return false;
  const texts = textQuestions(survey);
  return texts.length > 0 && texts.every((question) => typeof answers[question.id] !== 'string');
}

/** When a case opened by this answer should be told of, waiting `waitSeconds` for the comment: null for at once. */
export function noticesHeldUntil(
  survey: SurveyDefinition,
  answers: Readonly<Record<string, unknown>>,
  finished: boolean,
  openedAt: string,
  waitSeconds: number,
): Date | null {
  return waitSeconds > 0 && commentMayFollow(survey, answers, finished) ? new Date(Date.parse(openedAt) + waitSeconds * 1000) : null;
}

/** Whether a step that changed these questions changed the comment: what a notice already sent lacks. */
export function commentChanged(survey: SurveyDefinition, questionIds: readonly string[]): boolean {
  return textQuestions(survey).some((question) => questionIds.includes(question.id));
}

function textQuestions(survey: SurveyDefinition) {
  return survey.questions.filter((question) => question.type === 'text');
}
