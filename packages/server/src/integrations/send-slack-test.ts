import type { IntegrationTestResult } from '@closeloop/sdk/schemas';
import { buildSlackTestMessage } from '../notify/slack/slack-test-message.js';
import { sendSlack } from '../notify/slack/send-slack.js';

/** Posts the test message to the project's Slack URL, once, and says how it went (Slack's reason when refused). */
export async function sendSlackTest(url: string, projectName: string, { allowPrivate, timeoutMs = 10_000 }: { allowPrivate: boolean; timeoutMs?: number }): Promise<IntegrationTestResult> {
  const delivery = await sendSlack(url, buildSlackTestMessage(projectName), { allowPrivate, timeoutMs });
  return { ok: delivery.ok, statusCode: delivery.status, durationMs: Math.round(delivery.durationMs), error: delivery.error };
}
