/**
 * Makes text typed by customers or staff inert in Slack mrkdwn: Slack reads `<!channel>`, `<@U123>` and
 * `<https://evil|click here>` as a mention or a disguised link, and only these three characters must be escaped
 * for it to show them as typed (https://api.slack.com/reference/surfaces/formatting#escaping).
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
