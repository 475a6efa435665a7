import { Timestamp, Uuid, WebhookEventType } from '@closeloop/sdk/schemas';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { enqueue } from '../enqueue.js';
import { anyoneListens } from './case-event-listeners.js';
import type { JobKind } from '../job-definition.js';

export const NotifyCasePayload = z.object({
  caseId: Uuid,
  event: WebhookEventType,
  occurredAt: Timestamp,
  /** Events of the same moment fanned out by this one job, each under its own key (a case opened and routed at once). */
  alongWith: z.array(z.object({ event: WebhookEventType, key: z.string().min(1) })).optional(),
});

/** The fan-out job: one per case event (or per moment), it queues one delivery per subscribed webhook and one for Slack. */
export const notifyCaseKind: JobKind<typeof NotifyCasePayload> = { kind: 'notify-case', payload: NotifyCasePayload };

export interface NotifyCaseInput {
  /** The case's project: whose webhooks, Slack and staff may hear of it. */
  projectId: string;
  caseId: string;
  event: WebhookEventType;
  /** When the event happened: the webhook body's `timestamp`. */
  now: Date;
  /**
   * Which occurrence of an event that can happen more than once to a case (`status_changed`, `assigned`): pass the
   * case's `version` after the change. Leave it out for `opened`, which happens once. The job key is
   * `case:<caseId>:<event>[:<occurrence>]`, so the same occurrence is never queued twice.
   */
  occurrence?: number | string;
  /**
   * Other events of the same moment, told by the same fan-out job (one job to claim and run instead of one per event):
   * a case opened and routed is `follow_up.opened` along with `follow_up.assigned`. Each keeps its own key, so its
   * deliveries are keyed exactly as if it had a job of its own.
   */
  alongWith?: { event: WebhookEventType; occurrence?: number | string }[];
  /** The case was opened by this very transaction, so its keys are new (see `EnqueueOptions.newKey`). */
  newCase?: boolean;
}

/**
 * Tells every webhook subscribed to `event`, and Slack for new and overdue cases, that something happened to a
 * case. Call it inside the use case's transaction: the job commits with the change or not at all (outbox), and
 * this process's runner is woken at commit. Every case use case calls this, one line each:
 *
 * ```ts
 * await notifyCase(trx, { projectId, caseId, event: 'follow_up.assigned', now, occurrence: updated.version });
 * ```
 *
 * True when queued, false when this occurrence was queued already or nobody listens to these events (`anyoneListens`).
 */
export async function notifyCase(trx: Transaction<Database>, { projectId, caseId, event, now, occurrence, alongWith, newCase = false }: NotifyCaseInput): Promise<boolean> {
  if (!(await anyoneListens(trx, projectId, [event, ...(alongWith ?? []).map((other) => other.event)]))) return false;
  const key = caseEventKey(caseId, event, occurrence);
  const along = alongWith?.map((other) => ({ event: other.event, key: caseEventKey(caseId, other.event, other.occurrence) }));
  return enqueue(trx, notifyCaseKind, { caseId, event, occurredAt: now.toISOString(), ...(along && { alongWith: along }) }, { key, now, newKey: newCase });
}

function caseEventKey(caseId: string, event: WebhookEventType, occurrence: number | string | undefined): string {
  return `case:${caseId}:${event.replace(/^follow_up\./, '')}${occurrence === undefined ? '' : `:${occurrence}`}`;
}
