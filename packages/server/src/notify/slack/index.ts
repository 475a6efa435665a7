export { buildSlackMessage } from './slack-message.js';
export type { SlackBlock, SlackMessage, SlackNoticeKind } from './slack-message.js';
export { escapeMrkdwn } from './escape-mrkdwn.js';
export { sendSlack } from './send-slack.js';
export type { SendSlackOptions } from './send-slack.js';
