import type { CaseNotice } from '../case-notice.js';
import { describeContact, describeCustomer, describeDueAt, describePriority, describeScore, describeSource } from '../describe-case.js';
import { escapeHtml, htmlParagraphs } from './escape-html.js';
import type { MailMessage } from './mail-message.js';

/** Why staff are mailed: a new case for them (or their team), or a case past its due time. */
export type CaseMailKind = 'opened' | 'overdue';

/**
 * The mail that tells the assignee (or every member of the team) of a new or overdue case: the facts they triage by
 * (how to reach the customer among them), the comment quoted, and a link to the case. In English: staff settings choose no language yet.
 */
export function buildCaseMail(notice: CaseNotice, kind: CaseMailKind, to: string[]): MailMessage {
  const what = notice.score === null ? 'a problem reported' : describeScore(notice.score);
  const customer = describeCustomer(notice.customer);
  const subject = `${kind === 'opened' ? 'New' : 'Overdue'} follow-up case: ${what} from ${customer}`;
  const lead =
    kind === 'opened'
      ? `A new follow-up case in ${notice.projectName}.`
      : `A follow-up case in ${notice.projectName} is overdue. It was due ${describeDueAt(notice.dueAt)} and is not resolved yet.`;

  const facts: [string, string][] = [['Customer', customer]];
  if (notice.contact !== null) facts.push(['Contact', describeContact(notice.contact)]);
  if (notice.customerValue !== null) facts.push([notice.customerValue.attribute, String(notice.customerValue.value)]);
  facts.push(
    ['Score', notice.score === null ? 'none (feedback button)' : what],
    ['Priority', describePriority(notice.priority)],
    ['Due', describeDueAt(notice.dueAt)],
    ['Assignee', notice.assigneeName ?? 'Nobody yet'],
    ['Source', describeSource(notice.source)],
  );
  const comment = notice.comment?.trim() || null;

  const text = [
    lead,
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    ...(comment === null ? [] : ['', 'Comment:', ...comment.split('\n').map((line) => `> ${line}`)]),
    '',
    `Open the case: ${notice.caseUrl}`,
    '',
  ].join('\n');

  const rows = facts
    .map(([label, value]) => `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="en"><body style="font-family:sans-serif;line-height:1.5">
<p>${escapeHtml(lead)}</p>
<table>
${rows}
</table>
${comment === null ? '' : `<blockquote style="margin:16px 0;padding-left:12px;border-left:3px solid #ccc">${htmlParagraphs(comment)}</blockquote>`}
<p><a href="${escapeHtml(notice.caseUrl)}">Open the case</a></p>
</body></html>
`;
  return { to, subject, text, html, language: 'en' };
}
