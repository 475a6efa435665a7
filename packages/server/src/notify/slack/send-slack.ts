import type { Delivery } from '../webhook/delivery.js';
import { postJson } from '../webhook/post-json.js';
import type { SlackMessage } from './slack-message.js';

export interface SendSlackOptions {
  /** Default 10 000. */
  timeoutMs?: number;
  /** Let the URL reach loopback and private networks (the demo, tests). Default false. */
  allowPrivate?: boolean;
}

/**
 * Posts a message to a Slack incoming webhook (`https://hooks.slack.com/services/…`). Incoming webhooks are plain,
 * unsigned POSTs; the URL itself is the secret. Goes through the webhook sender's guarded POST, so a project cannot
 * aim "Slack" at an internal address either. Resolves to the {@link Delivery}; Slack's refusal reason
 * (`invalid_blocks`, `no_service`) ends up in its `error`.
 */
export function sendSlack(webhookUrl: string, message: SlackMessage, { timeoutMs = 10_000, allowPrivate = false }: SendSlackOptions = {}): Promise<Delivery> {
  return postJson({ url: webhookUrl, body: JSON.stringify(message), timeoutMs, allowPrivate });
}
