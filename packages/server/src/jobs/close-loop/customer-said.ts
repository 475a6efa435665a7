import type { FollowUp, SurveyDefinition } from '@closeloop/sdk/schemas';

/** What the customer wrote, to quote back: the feedback's comment, or the answer to the survey's first text question. */
export function customerSaid(followUp: FollowUp, survey: Pick<SurveyDefinition, 'questions'> | null): string | null {
  if (followUp.source === 'feedback') return followUp.feedback.comment;
  const { answers } = followUp.response;
  const text = survey?.questions.find((q) => q.type === 'text' && typeof answers[q.id] === 'string');
  return text === undefined ? null : String(answers[text.id]);
}
