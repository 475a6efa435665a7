import { contactOf, deviceOfUserAgent } from '@closeloop/sdk/logic';
import type { CaseDetail, ContactAnswer, FollowUp } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { listCaseEvents } from '../repos/case-events.js';
import { caseWithCause, findCaseRow, listCustomerCases } from '../repos/cases.js';
import { listCustomerResponses } from '../repos/responses.js';
import { findSurvey } from '../repos/surveys.js';
import { customerOf } from './customer-of.js';

/** How many earlier responses and cases the detail shows; the rest are a search away. */
const EARLIER_LIMIT = 20;

/**
 * A case as support staff open it: the case with its cause, who the customer is and where they were (page, device,
 * locale), their earlier responses and cases, and the whole timeline. Null when the project has no such case.
 */
export async function getCaseDetail(conn: Conn, projectId: string, caseId: string): Promise<CaseDetail | null> {
  const row = await findCaseRow(conn, projectId, caseId);
  if (row === null) return null;
  const followUp = await caseWithCause(conn, row);
  const { respondent, context } = followUp.source === 'survey' ? followUp.response : followUp.feedback;
  const customer = customerOf(respondent);
  const earlierResponses = await listCustomerResponses(conn, projectId, customer, row.response_id, { receivedBy: row.created_at, limit: EARLIER_LIMIT });
  const earlierCases = await listCustomerCases(conn, projectId, customer, row.id, { openedBy: row.created_at, limit: EARLIER_LIMIT });
  return {
    case: followUp,
    customer: {
      respondent,
      page: context.url,
      ...(context.referrer !== undefined && { referrer: context.referrer }),
      ...(context.locale !== undefined && { locale: context.locale }),
      ...(context.userAgent !== undefined && { userAgent: context.userAgent }),
      device: context.userAgent === undefined ? null : deviceOfUserAgent(context.userAgent, 0),
      earlierResponses,
      earlierCases,
      contact: await contactFor(conn, projectId, followUp),
    },
    timeline: await listCaseEvents(conn, row.id),
  };
}

/**
 * How the customer agreed to be reached about this case: a survey case reads its survey's contact step (the survey as
 * it is now: a step removed since reads as none); a feedback case, the email the visitor left so we could reply.
 */
async function contactFor(conn: Conn, projectId: string, followUp: FollowUp): Promise<ContactAnswer | null> {
  if (followUp.source === 'feedback') return followUp.feedback.email === undefined ? null : { consent: true, channel: 'email', address: followUp.feedback.email };
  const survey = await findSurvey(conn, projectId, followUp.surveyId);
  return survey === null ? null : contactOf(survey, followUp.response.answers);
}
