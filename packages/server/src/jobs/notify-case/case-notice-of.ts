import { contactOf } from '@closeloop/sdk/logic';
import { isScale } from '@closeloop/sdk/schemas';
import type { SurveyDefinition } from '@closeloop/sdk/schemas';
import type { CaseNotice } from '../../notify/case-notice.js';
import type { CaseForNotice } from '../../repos/case-by-id.js';

/**
 * Attributes that say what a customer is worth, in the order they are looked for, until a project can name its own
 * (the priority settings of the case lifecycle): a plan or a recurring revenue is what staff triage by.
 */
const VALUE_ATTRIBUTES = ['mrr', 'arr', 'plan', 'ltv', 'value'];

/**
 * The summary staff are told (Slack, email) of a case: its score, comment, customer, how to reach them, their value,
 * due time and link.
 */
export function caseNoticeOf({ projectName, followUp }: CaseForNotice, survey: SurveyDefinition | null, caseUrl: string, assigneeName: string | null): CaseNotice {
  const common = { projectName, caseUrl, priority: followUp.priority, dueAt: new Date(followUp.dueAt), assigneeName };
  if (followUp.source === 'feedback') {
    const { feedback } = followUp;
    const customer = customerOf(feedback.respondent, feedback.email);
    return { ...common, source: { kind: 'feedback' }, score: null, comment: feedback.comment, customer, contact: null, customerValue: valueOf(feedback.respondent.attributes) };
  }
  const { response, reason } = followUp;
  const question = survey?.questions.find((q) => q.id === reason.question);
  const score =
    question !== undefined && isScale(question)
      ? { questionType: question.type, value: reason.value, ...('scale' in question && typeof question.scale === 'number' && { scale: question.scale }) }
      : null;
  // The comment is the answer to the survey's first text question, when it was given.
  const textQuestion = survey?.questions.find((q) => q.type === 'text' && typeof response.answers[q.id] === 'string');
  const comment = textQuestion === undefined ? null : String(response.answers[textQuestion.id]);
  return {
    ...common,
    source: { kind: 'survey', surveyName: survey?.name ?? followUp.surveyId },
    score,
    comment,
    customer: customerOf(response.respondent, undefined),
    contact: survey === null ? null : contactOf(survey, response.answers),
    customerValue: valueOf(response.respondent.attributes),
  };
}

type Attributes = Record<string, string | number | boolean | null> | undefined;

function customerOf(respondent: { userId?: string | undefined; attributes?: Attributes }, email: string | undefined): CaseNotice['customer'] {
  const name = text(respondent.attributes?.['name']);
  const mail = email ?? text(respondent.attributes?.['email']);
  const customer = {
    ...(name !== undefined && { name }),
    ...(mail !== undefined && { email: mail }),
    ...(respondent.userId !== undefined && { userId: respondent.userId }),
  };
  return Object.keys(customer).length === 0 ? null : customer;
}

function valueOf(attributes: Attributes): CaseNotice['customerValue'] {
  for (const attribute of VALUE_ATTRIBUTES) {
    const value = attributes?.[attribute];
    if (typeof value === 'string' || typeof value === 'number') return { attribute, value };
  }
  return null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
