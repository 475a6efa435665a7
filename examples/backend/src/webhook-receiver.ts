import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyWebhook, WebhookVerificationError } from '@closeloop/sdk/node';
import type { WebhookEvent, WebhookMessage } from '@closeloop/sdk/schemas';

export interface WebhookReceiverOptions {
  /** The `whsec_…` secret shown when the webhook was registered (`POST /api/v1/webhooks`). */
  secret: string;
  /** Where the one line per event goes; default stdout. */
  log?: (line: string) => void;
}

/** The most webhook-ids remembered to drop repeats: a retry comes within hours, so the last few thousand suffice. */
const REMEMBERED_IDS = 5_000;

/**
 * `POST /webhooks/closeloop`: reads the raw body, verifies its Standard Webhooks signature with `verifyWebhook`
 * (never parse the JSON first: re-serialised JSON no longer matches the signature), drops an event whose
 * `webhook-id` it handled already (Closeloop retries with the same id), and logs one line per case event. A real
 * backend would open a ticket or ping the account manager here; a `webhook.test` ("send test" in the settings) is
 * only logged. Answers 204 when handled, 400 when refused: a
 * non-2xx makes Closeloop retry, which is right for a failure of ours and harmless for a forgery.
 */
export function createWebhookReceiver({ secret, log = (line) => console.log(line) }: WebhookReceiverOptions) {
  const handled = new Set<string>();
  return async function receiveWebhook(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    let event: WebhookMessage;
    try {
      event = verifyWebhook(body, request.headers, secret);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      log(`webhook refused (${error.reason}): ${error.message}`);
      response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: error.reason, message: error.message } }));
      return;
    }
    const id = String(request.headers['webhook-id']);
    if (!handled.has(id)) {
      handled.add(id);
      if (handled.size > REMEMBERED_IDS) handled.delete(handled.values().next().value as string);
      log(event.type === 'webhook.test' ? `webhook.test for webhook ${event.data.webhookId}: the signature checks out` : describeEvent(event));
    }
    response.writeHead(204).end();
  };
}

/**
 * `follow_up.opened case 0193… · high · NPS 2 · "Checkout broke" · user-42 · due 2026-11-25T10:00:00.000Z`: what
 * happened to which case, readable in a log.
 */
export function describeEvent({ type, data: { followUp } }: WebhookEvent): string {
  const parts = [`${type} case ${followUp.id}`, followUp.priority];
  if (followUp.source === 'survey') {
    parts.push(`${followUp.reason.question} ${followUp.reason.value}`);
    const comment = Object.values(followUp.response.answers).find((answer): answer is string => typeof answer === 'string');
    if (comment !== undefined) parts.push(JSON.stringify(comment));
    parts.push(followUp.response.respondent.userId ?? 'anonymous');
  } else {
    parts.push(`feedback ${JSON.stringify(followUp.feedback.comment)}`, followUp.feedback.respondent.userId ?? 'anonymous');
  }
  parts.push(`due ${followUp.dueAt}`);
  return parts.join(' · ');
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
