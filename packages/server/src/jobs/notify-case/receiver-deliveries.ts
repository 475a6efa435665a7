import type { WebhookEventType } from '@closeloop/sdk/schemas';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { ProjectListeners } from '../../repos/project-listeners-cache.js';
import { enqueue } from '../enqueue.js';
import type { EnqueueOptions } from '../enqueue.js';
import type { JobKind } from '../job-definition.js';
import { deliverSlackKind, SLACK_EVENTS } from './deliver-slack-job.js';
import { deliverWebhookKind } from './deliver-webhook-job.js';

/** A delivery job to queue once it is known to be wanted, under its key. */
export interface Delivery {
  key: string;
  /** True when queued, false when its key was queued already. */
  queue(trx: Transaction<Database>, when: Omit<EnqueueOptions, 'key'>): Promise<boolean>;
}

/** `kind` with `payload` under `key`, queued when `queue` is called. */
export function delivery<S extends z.ZodType>(kind: JobKind<S>, payload: z.input<S>, key: string): Delivery {
  return { key, queue: (trx, when) => enqueue(trx, kind, payload, { key, ...when }) };
}

/**
 * The receivers' deliveries of one case event: a `deliver-webhook` job per webhook subscribed to it (key
 * `<event key>:webhook:<webhookId>`) and a `deliver-slack` job when the project has Slack and Slack hears of the
 * event (`<event key>:slack`). One job per receiver, so one that is down retries alone. The keys are the same
 * whoever queues them (`notifyCase`, or a fan-out an earlier version queued), so nothing is told twice.
 */
export function receiverDeliveries(
  caseId: string,
  occurredAt: string,
  { event, key }: { event: WebhookEventType; key: string },
  { webhooks, slack }: Pick<ProjectListeners, 'webhooks' | 'slack'>,
): Delivery[] {
  return [
    ...webhooks.filter((webhook) => webhook.events.includes(event)).map((webhook) => delivery(deliverWebhookKind, { webhookId: webhook.id, caseId, event, occurredAt }, `${key}:webhook:${webhook.id}`)),
    ...(slack && SLACK_EVENTS.has(event) ? [delivery(deliverSlackKind, { caseId, event, occurredAt }, `${key}:slack`)] : []),
  ];
}
