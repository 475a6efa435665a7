import { Timestamp, Uuid, WebhookEventType } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import { buildSlackMessage } from '../../notify/slack/slack-message.js';
import type { SlackNoticeKind } from '../../notify/slack/slack-message.js';
import { sendSlack } from '../../notify/slack/send-slack.js';
import { findCaseById } from '../../repos/case-by-id.js';
import { findIntegrationUrl } from '../../repos/integrations.js';
import type { JobDependencies } from '../job-dependencies.js';
import { defineJob } from '../job-definition.js';
import type { JobKind } from '../job-definition.js';
import { caseUrlOf } from './case-url.js';
import { readCaseNotice } from './read-case-notice.js';

export const DeliverSlackPayload = z.object({ caseId: Uuid, event: WebhookEventType, occurredAt: Timestamp });

/** 12 attempts, over about an hour: a Slack alert much later than that is news nobody needs. */
export const deliverSlackKind: JobKind<typeof DeliverSlackPayload> = { kind: 'deliver-slack', payload: DeliverSlackPayload, maxAttempts: 12 };

/**
 * The case events staff are told of in Slack, each with its message: new and overdue cases, and a comment that came
 * after its case was told of. The rest (assigned, status changes) would drown the channel.
 */
const SLACK_KIND: Partial<Record<WebhookEventType, SlackNoticeKind>> = { 'follow_up.opened': 'opened', 'follow_up.overdue': 'overdue', 'follow_up.answer_updated': 'comment' };
export const SLACK_EVENTS: ReadonlySet<WebhookEventType> = new Set(Object.keys(SLACK_KIND) as WebhookEventType[]);

/**
 * Posts a new or overdue case (or a late comment on one) to the project's Slack channel as a Block Kit message built
 * from the case as it is now. A refusal or timeout throws, so the runner retries with backoff (the job keeps the last error). A project
 * that removed its Slack URL meanwhile, or a case erased meanwhile, gets nothing.
 */
export function deliverSlackJob({ db, allowPrivateWebhooks, baseUrl, deliveryTimeoutMs = 10_000 }: JobDependencies) {
  return defineJob({
    ...deliverSlackKind,
    async handle({ caseId, event }) {
      const found = await findCaseById(db.kysely, caseId);
      if (found === null) return;
      const url = await findIntegrationUrl(db.kysely, found.projectId, 'slack');
      if (url === null) return;
      const notice = await readCaseNotice(db.kysely, found, caseUrlOf(baseUrl, found.followUp.id));
      const message = buildSlackMessage(notice, SLACK_KIND[event] ?? 'opened');
      const delivery = await sendSlack(url, message, { timeoutMs: deliveryTimeoutMs, allowPrivate: allowPrivateWebhooks });
      if (!delivery.ok) throw new Error(`Slack: ${delivery.error ?? `HTTP ${delivery.status}`}`);
    },
  });
}
