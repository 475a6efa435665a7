import type { SurveyFollowUp } from '../schemas/follow-up.js';
import type { AnswerValue, Question, QuestionType } from '../schemas/question.js';
import type { FollowUpCondition, SurveyDefinition } from '../schemas/survey-definition.js';
import { matchesCondition } from './matches-condition.js';

type Reason = SurveyFollowUp['reason'];

/**
 * What a negative answer is for each question type when the survey gives no conditions. A Record over
 * QuestionType, so adding a question type to the contract fails the build until its default is decided here.
 */
const DEFAULT_CONDITIONS: Record<QuestionType, Omit<FollowUpCondition, 'question'> | null> = {
  nps: { op: 'lte', value: 6 },
  csat: { op: 'lte', value: 2 },
  // The widget draws CES from 1 "very difficult" to 7 "very easy": the low end is the unhappy one.
  ces: { op: 'lte', value: 3 },
  // A rating's meaning depends on what was rated; surveys that want cases from it give conditions.
  rating: null,
  single_choice: null,
  multiple_choice: null,
  text: null,
  cta: null,
  // How to reach someone is no reason to reach them: the step follows a case, it never opens one.
  contact: null,
};

/**
 * The answer that opens a follow-up case for this survey, or null. `followUp.enabled: false` never opens one;
 * explicit conditions open one when any matches (the first match in order is the case's reason); otherwise the per-type
 * defaults apply (NPS ≤ 6, CSAT ≤ 2, CES ≤ 3), in question order. One definition for both sides: the server opens
 * the case with it, and the widget asks it whether to show a contact step for the answers given so far.
 */
export function followUpReason(survey: Pick<SurveyDefinition, 'questions' | 'followUp'>, answers: Readonly<Record<string, AnswerValue>>): Reason | null {
  if (!survey.followUp.enabled) return null;
  const conditions = survey.followUp.conditions ?? survey.questions.flatMap(defaultCondition);
  for (const condition of conditions) {
    const value = answers[condition.question];
    // Score conditions match numbers only, so `value` is the score that matched.
    if (matchesCondition(condition, value) && typeof value === 'number') return { question: condition.question, value };
  }
  return null;
}

function defaultCondition(question: Question): FollowUpCondition[] {
  const condition = DEFAULT_CONDITIONS[question.type];
  return condition ? [{ question: question.id, ...condition }] : [];
}
