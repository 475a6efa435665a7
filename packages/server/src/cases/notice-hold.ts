import type { SurveyDefinition } from '@closeloop/sdk/schemas';

/*
 * A new case's notices (webhooks, Slack, staff email) wait for the rest of its customer's answer. The widget sends the
 * score the moment it is given, and the case opens with it; the comment and the contact step (how the customer agrees
 * to be reached) follow, usually within a minute. Told at once, Slack and the mail showed "no comment" and an
 * anonymous visitor nobody could reach, for a customer who then wrote both. How long they wait is the project's
 * `commentWaitSeconds` (a minute unless set; 0 tells at once): a customer who stops after the score is told of that
 * much later. The console's inbox shows the case at once either way.
 */

/**
 * Whether the customer may still give what staff read in a notice (`caseNoticeOf`): the comment (the survey's first
 * text question that has an answer) while no text question is answered, or how to reach them while the contact step
 * is unanswered. Only until the response is over (`finished`, or the survey was `closed`): the widget passes over a
 * contact step it has no reason to show, and a customer who closed the survey at the comment will not write it.
 */
export function moreMayFollow(survey: SurveyDefinition, answers: Readonly<Record<string, unknown>>, over: boolean): boolean {
  if (over) return false;
  const texts = noticed(survey, 'text');
  const commentMissing = texts.length > 0 && texts.every((question) => typeof answers[question.id] !== 'string');
  return commentMissing || noticed(survey, 'contact').some((question) => answers[question.id] === undefined);
}

/** When a case opened by this answer should be told of, waiting `waitSeconds` for the rest: null for at once. */
export function noticesHeldUntil(
  survey: SurveyDefinition,
  answers: Readonly<Record<string, unknown>>,
  over: boolean,
  openedAt: string,
  waitSeconds: number,
): Date | null {
  return waitSeconds > 0 && moreMayFollow(survey, answers, over) ? new Date(Date.parse(openedAt) + waitSeconds * 1000) : null;
}

/** Whether a step that changed these questions changed what a notice already sent told: the comment or the contact. */
export function noticeChanged(survey: SurveyDefinition, questionIds: readonly string[]): boolean {
  return survey.questions.some((question) => (question.type === 'text' || question.type === 'contact') && questionIds.includes(question.id));
}

function noticed(survey: SurveyDefinition, type: 'text' | 'contact') {
  return survey.questions.filter((question) => question.type === type);
}
