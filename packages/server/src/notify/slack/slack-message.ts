import type { CaseNotice } from '../case-notice.js';
import { describeContact, describeCustomer, describeDueAt, describePriority, describeScore, describeSource } from '../describe-case.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';

interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
}

/** The Block Kit blocks this message uses, and nothing more. */
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text?: Mrkdwn; fields?: Mrkdwn[] }
  | { type: 'actions'; elements: { type: 'button'; text: PlainText; url: string; style: 'primary'; action_id: string }[] }
  | { type: 'context'; elements: Mrkdwn[] };

/** The body of an incoming-webhook POST: `text` is the notification's line (and what old clients show). */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/**
 * Why staff are told: a case just opened, it passed its due time without being resolved, or its customer wrote the
 * comment or said how to reach them after the case was told of (`follow_up.answer_updated`).
 */
export type SlackNoticeKind = 'opened' | 'overdue' | 'comment';

/** How each kind of message begins, in its header and in its notification's line (before " in <project>"). */
const OPENINGS: Record<SlackNoticeKind, string> = {
  opened: 'New follow-up case',
  overdue: 'Overdue follow-up case',
  comment: 'The customer wrote more on a follow-up case',
};

/** The most characters a section's text holds; a longer comment is cut (the case has it whole). */
const SECTION_LIMIT = 3000;

/**
 * A Slack message staff can triage from: a header with the score, the customer, how they agreed to be reached, their
 * value, priority, due time (shown in each reader's own time zone), assignee and source as fields, the comment quoted, and a button to the
 * case. Everything that came from a person is escaped, so a comment cannot ping `@channel` or dress up a link.
 */
export function buildSlackMessage(notice: CaseNotice, kind: SlackNoticeKind = 'opened'): SlackMessage {
  const what = notice.score === null ? 'a problem reported' : describeScore(notice.score);
  const title = `${OPENINGS[kind]}: ${what}`;
  const customer = escapeMrkdwn(describeCustomer(notice.customer));

  const fields: Mrkdwn[] = [field('Customer', customer)];
  if (notice.contact !== null) fields.push(field('Contact', escapeMrkdwn(describeContact(notice.contact))));
  if (notice.customerValue !== null) {
    fields.push(field(escapeMrkdwn(notice.customerValue.attribute), escapeMrkdwn(String(notice.customerValue.value))));
  }
  fields.push(
    field('Priority', describePriority(notice.priority)),
    field('Due', slackDate(notice.dueAt)),
    field('Assignee', notice.assigneeName === null ? 'Nobody yet' : escapeMrkdwn(notice.assigneeName)),
    field('Source', escapeMrkdwn(describeSource(notice.source))),
  );

  const blocks: SlackBlock[] = [
    // Plain text: Slack parses no mentions or links in a header, and it holds our words only.
    { type: 'header', text: { type: 'plain_text', text: title, emoji: false } },
    { type: 'section', fields },
  ];
  if (notice.comment !== null && notice.comment.trim() !== '') {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: quote(notice.comment) } });
  }
  blocks.push(
    {
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open case' }, url: notice.caseUrl, style: 'primary', action_id: 'open_case' }],
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(notice.projectName) }] },
  );

  const lead = `${OPENINGS[kind]} in ${escapeMrkdwn(notice.projectName)}: ${what}`;
  return { text: `${lead} from ${customer}`, blocks };
}

function field(label: string, value: string): Mrkdwn {
  return { type: 'mrkdwn', text: `*${label}*\n${value}` };
}

/** Each line behind Slack's `>`; the customer's own `>` is escaped, so they cannot end the quote early. */
function quote(comment: string): string {
  const quoted = comment.split('\n').map((line) => `>${escapeMrkdwn(line)}`).join('\n');
  if (quoted.length <= SECTION_LIMIT) return quoted;
  let cut = quoted.slice(0, SECTION_LIMIT - 1);
  // Never leave half an escape (`&am`) at the cut: Slack would show it raw.
  const amp = cut.lastIndexOf('&');
  if (amp > cut.length - '&amp;'.length && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return `${cut}…`;
}

/** Slack's date token: rendered in the reader's time zone, with the UTC time as the fallback text. */
function slackDate(date: Date): string {
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short_pretty} {time}|${describeDueAt(date)}>`;
}
