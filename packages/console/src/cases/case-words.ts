import { isScale } from '@closeloop/sdk/schemas';
import type { FollowUp, FollowUpPriority, FollowUpStatus, Question, ResolutionKind, ScaleQuestionType } from '@closeloop/sdk/schemas';

export const STATUS_WORDS: Record<FollowUpStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on customer',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const PRIORITY_WORDS: Record<FollowUpPriority, string> = { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' };

export const RESOLUTION_WORDS: Record<ResolutionKind, string> = {
  fixed: 'Fixed',
  explained: 'Explained',
  compensated: 'Compensated',
  not_actionable: 'Not actionable',
};

/** What staff call each score; a rating is just a score. A new scale type fails the build here until it has a name. */
const SCORE_NAMES: Record<ScaleQuestionType, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES', rating: 'Score' };

/**
 * What opened the case, in a few words: "NPS 3", "CSAT 2", "Problem reported". `questionOf` finds the survey's
 * question (its type names the score); without it the score is just a score.
 */
export function caseHeadline(followUp: FollowUp, questionOf?: (surveyId: string, questionId: string) => Question | undefined): string {
  if (followUp.source === 'feedback') return 'Problem reported';
  const question = questionOf?.(followUp.surveyId, followUp.reason.question);
  return `${question && isScale(question) ? SCORE_NAMES[question.type] : 'Score'} ${followUp.reason.value}`;
}

/** The customer's own words: the first text answer of the response, or the feedback's comment; null when none. */
export function caseComment(followUp: FollowUp): string | null {
  if (followUp.source === 'feedback') return followUp.feedback.comment;
  for (const value of Object.values(followUp.response.answers)) if (typeof value === 'string' && value.trim() !== '') return value;
  return null;
}

/** Who the customer is, as support staff would say it. */
export function customerName(followUp: FollowUp): string {
  const respondent = followUp.source === 'feedback' ? followUp.feedback.respondent : followUp.response.respondent;
  if (respondent.userId) return respondent.verified ? respondent.userId : `${respondent.userId} (unverified)`;
  return 'Anonymous visitor';
}
