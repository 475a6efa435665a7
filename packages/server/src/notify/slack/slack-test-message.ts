import { escapeMrkdwn } from './escape-mrkdwn.js';
import type { SlackMessage } from './slack-message.js';

/** The message "send test" posts: says where it came from and what the channel will get, so nobody acts on it. */
export function buildSlackTestMessage(projectName: string): SlackMessage {
  const text = `Test from Closeloop: ${projectName} will post new and overdue follow-up cases here.`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*Test from Closeloop.* ${escapeMrkdwn(projectName)} will post new and overdue follow-up cases to this channel.` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Sent with "Send test" in the Closeloop settings; nothing to do.' }] },
    ],
  };
}
