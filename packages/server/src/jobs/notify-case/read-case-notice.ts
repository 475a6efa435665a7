import type { Conn } from '../../db/db.js';
import type { CaseNotice } from '../../notify/case-notice.js';
import type { CaseForNotice } from '../../repos/case-by-id.js';
import { memberName } from '../../repos/members.js';
import { findSurvey } from '../../repos/surveys.js';
import { caseNoticeOf } from './case-notice-of.js';

/**
 * What Slack and the staff mail tell of a case as it is now, with what the case row only refers to: its survey (the
 * score's scale, the comment and contact questions) and its assignee's name, which staff read where an id means nothing.
 */
export async function readCaseNotice(conn: Conn, found: CaseForNotice, caseUrl: string): Promise<CaseNotice> {
  const { followUp } = found;
  const survey = followUp.source === 'survey' ? await findSurvey(conn, found.projectId, followUp.surveyId) : null;
  const assigneeName = followUp.assigneeId === null ? null : ((await memberName(conn, found.projectId, followUp.assigneeId)) ?? followUp.assigneeId);
  return caseNoticeOf(found, survey, caseUrl, assigneeName);
}
