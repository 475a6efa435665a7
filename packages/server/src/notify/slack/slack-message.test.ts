import { describe, expect, it } from 'vitest';
import type { CaseNotice } from '../case-notice.js';
import { buildSlackMessage } from './slack-message.js';

const notice: CaseNotice = {
  projectName: 'Demo Shop',
  caseUrl: 'https://feedback.example/console/cases/0193a1b2',
  source: { kind: 'survey', surveyName: 'After checkout' },
  score: { questionType: 'nps', value: 3 },
  comment: 'Checkout refused my card twice.',
  customer: { name: 'Jane Doe', email: 'jane@shop.example', userId: 'user-42' },
  contact: null,
  customerValue: { attribute: 'mrr', value: 1200 },
  priority: 'high',
  dueAt: new Date('2026-11-25T10:00:00.000Z'),
  assigneeName: 'Sam',
};

/** Every mrkdwn text in the message: what Slack parses for mentions and links. */
function mrkdwnTexts(message: ReturnType<typeof buildSlackMessage>): string[] {
  const texts: string[] = [message.text];
  for (const block of message.blocks) {
    if ('text' in block && block.text?.type === 'mrkdwn') texts.push(block.text.text);
    if ('fields' in block) texts.push(...(block.fields ?? []).map((f) => f.text));
    if (block.type === 'context') texts.push(...block.elements.map((e) => e.text));
  }
  return texts;
}

describe('buildSlackMessage', () => {
  it('leads with what happened and the score, then the facts staff triage by', () => {
    const message = buildSlackMessage(notice);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'New follow-up case: NPS 3/10', emoji: false } });
    const fields = message.blocks.find((b) => b.type === 'section' && 'fields' in b);
    expect(fields && 'fields' in fields ? fields.fields?.map((f) => f.text) : []).toEqual([
      '*Customer*\nJane Doe · jane@shop.example · user user-42',
      '*mrr*\n1200',
      '*Priority*\nHigh',
      '*Due*\n<!date^1795600800^{date_short_pretty} {time}|2026-11-25 10:00 UTC>',
      '*Assignee*\nSam',
      '*Source*\nSurvey “After checkout”',
    ]);
    expect(message.text).toBe('New follow-up case in Demo Shop: NPS 3/10 from Jane Doe · jane@shop.example · user user-42');
  });

  it('quotes the comment and links the case with an "Open case" button', () => {
    const message = buildSlackMessage(notice);
    expect(message.blocks).toContainEqual({ type: 'section', text: { type: 'mrkdwn', text: '>Checkout refused my card twice.' } });
    expect(message.blocks).toContainEqual({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open case' }, url: notice.caseUrl, style: 'primary', action_id: 'open_case' }],
    });
  });

  it('quotes every line of a comment of several lines', () => {
    const message = buildSlackMessage({ ...notice, comment: 'Line one\nLine two' });
    expect(message.blocks).toContainEqual({ type: 'section', text: { type: 'mrkdwn', text: '>Line one\n>Line two' } });
  });

  it('escapes customer text so it can never ping a channel or hide a link', () => {
    const message = buildSlackMessage({
      ...notice,
      comment: 'Hey <!channel> <!here> <@U123> see <https://evil.example|your invoice> & > quote',
      customer: { name: '<!everyone> Mallory & co' },
      customerValue: { attribute: 'plan <b>', value: '<https://evil.example|pro>' },
      assigneeName: 'Sam <@U999>',
      source: { kind: 'survey', surveyName: '<!subteam^S1>' },
      projectName: 'A&B <shop>',
    });
    const texts = mrkdwnTexts(message).join('\n');
    expect(texts).toContain('>Hey &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; see &lt;https://evil.example|your invoice&gt; &amp; &gt; quote');
    expect(texts).toContain('&lt;!everyone&gt; Mallory &amp; co');
    expect(texts).toContain('A&amp;B &lt;shop&gt;');
    // The only '<…>' left are the ones we wrote: the due date.
    expect(texts.match(/<[^>]*>/g)).toEqual(['<!date^1795600800^{date_short_pretty} {time}|2026-11-25 10:00 UTC>']);
  });

  it('says how the customer agreed to be reached, or that they declined, escaped', () => {
    const contactField = (contact: CaseNotice['contact']) =>
      mrkdwnTexts(buildSlackMessage({ ...notice, customer: null, contact })).find((text) => text.startsWith('*Contact*'));
    expect(contactField({ consent: true, channel: 'email', address: 'jane@shop.example' })).toBe('*Contact*\nEmail jane@shop.example');
    expect(contactField({ consent: true, channel: 'phone', address: '+4712345678' })).toBe('*Contact*\nPhone +4712345678');
    expect(contactField({ consent: false })).toBe('*Contact*\nDeclined to be contacted');
    expect(contactField({ consent: true, channel: 'email', address: '<!channel>@x.example' })).toBe('*Contact*\nEmail &lt;!channel&gt;@x.example');
    expect(contactField(null)).toBeUndefined();
  });

  it('names an anonymous visitor, and leaves out what is unknown', () => {
    const message = buildSlackMessage({ ...notice, customer: null, customerValue: null, assigneeName: null, comment: null, score: null, source: { kind: 'feedback' } });
    expect(message.blocks[0]).toMatchObject({ text: { text: 'New follow-up case: a problem reported' } });
    const texts = mrkdwnTexts(message);
    expect(texts).toContain('*Customer*\nAnonymous visitor');
    expect(texts).toContain('*Assignee*\nNobody yet');
    expect(texts).toContain('*Source*\nFeedback button');
    expect(texts.join('\n')).not.toMatch(/mrr|^>/m);
  });

  it('says when a case is overdue', () => {
    expect(buildSlackMessage(notice, 'overdue').blocks[0]).toMatchObject({ text: { text: 'Overdue follow-up case: NPS 3/10' } });
  });

  it('says when the customer wrote more after the case was told of, quoting it', () => {
    const message = buildSlackMessage(notice, 'comment');
    expect(message.blocks[0]).toMatchObject({ text: { text: 'The customer wrote more on a follow-up case: NPS 3/10' } });
    expect(message.text).toMatch(/^The customer wrote more on a follow-up case in /);
    expect(JSON.stringify(message.blocks)).toContain(`>${notice.comment}`);
  });

  it('cuts a very long comment to what a Slack section holds, without breaking an escape', () => {
    const message = buildSlackMessage({ ...notice, comment: '&'.repeat(5000) });
    const quote = mrkdwnTexts(message).find((t) => t.startsWith('>'));
    expect(quote?.length).toBeLessThanOrEqual(3000);
    expect(quote).toMatch(/^>(&amp;)+…$/);
  });

  it('cuts a comment of many short lines too, each line still quoted', () => {
    const message = buildSlackMessage({ ...notice, comment: 'ok\n'.repeat(2000) });
    const quote = mrkdwnTexts(message).find((t) => t.startsWith('>'));
    expect(quote?.length).toBeLessThanOrEqual(3000);
    expect(quote?.split('\n').slice(0, -1).every((line) => line === '>ok')).toBe(true);
    expect(quote?.endsWith('…')).toBe(true);
  });
});
