import { Timestamp, Uuid, WebhookEventType } from '@closeloop/sdk/schemas';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { afterCommit } from '../../db/after-commit.js';
import { anyHeldJob, releaseHeldJobs } from '../../repos/jobs.js';
import type { JobKind } from '../job-definition.js';
import { wakeRunners } from '../wake.js';
import { caseEventListeners } from './case-event-listeners.js';
import type { CaseEventListeners } from './case-event-listeners.js';
import { STAFF_MAIL_EVENTS } from './deliver-email-job.js';
import { delivery, receiverDeliveries } from './receiver-deliveries.js';
import type { Delivery } from './receiver-deliveries.js';

export const NotifyCasePayload = z.object({
  caseId: Uuid,
  event: WebhookEventType,
  occurredAt: Timestamp,
  /** Events of the same moment fanned out by this one job, each under its own key (a case opened and routed at once). */
  alongWith: z.array(z.object({ event: WebhookEventType, key: z.string().min(1) })).optional(),
  /**
   * Staff email only: `notifyCase` queued the webhook and Slack deliveries itself. Absent in a fan-out queued by an
   * earlier version, which tells every channel.
   */
  emailOnly: z.literal(true).optional(),
});

/**
 * The fan-out job, for staff email (one per new or overdue case, when the server sends email): it reads who owns the
 * case and queues one email per member to tell.
 */
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
   * case's `version` after the change. Leave it out for `opened`, which happens once. The event's key is
   * `case:<caseId>:<event>[:<occurrence>]`, and every job it queues is keyed by it, so the same occurrence is never
   * queued twice.
   */
  occurrence?: number | string;
  /**
   * Other events of the same moment, told in the same call (one read of the listeners, and one staff-mail fan-out for
   * all): a case opened and routed is `follow_up.opened` along with `follow_up.assigned`. Each keeps its own key, so
   * its deliveries are keyed exactly as if it had been told alone.
   */
  alongWith?: { event: WebhookEventType; occurrence?: number | string }[];
  /** The case was opened by this very transaction, so its keys are new (see `EnqueueOptions.newKey`). */
  newCase?: boolean;
  /**
   * Hold every delivery until then: a case opened by a score whose customer may still write the comment or say how
   * to reach them (see `cases/notice-hold.ts`). `releaseHeldNotices` makes them due at once when the rest comes.
   */
  notBefore?: Date;
}

/**
 * Tells every webhook subscribed to `event`, Slack of new and overdue cases, and staff by email of those, that
 * something happened to a case. Call it inside the use case's transaction: what it queues commits with the change or
 * not at all (outbox), and this process's runner is woken at commit. Every case use case calls this, one line each:
 *
 * ```ts
 * await notifyCase(trx, { projectId, caseId, event: 'follow_up.assigned', now, occurrence: updated.version });
 * ```
 *
 * The project's listeners are known here (`caseEventListeners`, cached), so each webhook's and Slack's delivery is
 * queued now (`receiverDeliveries`: one job per receiver, under `<event key>:webhook:<id>` or `<event key>:slack`).
 * Staff email needs the case's owners and
 * their teams, read when it is sent: a fan-out job under the event's key (`notifyCaseJob`). An event nobody listens
 * to queues nothing.
 *
 * True when anything was queued; false when this occurrence was queued already or nobody listens to these events.
 */
export async function notifyCase(trx: Transaction<Database>, { projectId, caseId, event, now, occurrence, alongWith = [], newCase = false, notBefore }: NotifyCaseInput): Promise<boolean> {
  const told = [{ event, occurrence }, ...alongWith];
  const when = { now, newKey: newCase, ...(notBefore !== undefined && { runAt: notBefore }) };
  let queued = false;
  for (const job of noticeJobs(caseId, now.toISOString(), told, await caseEventListeners(trx, projectId))) queued = (await job.queue(trx, when)) || queued;
  return queued;
}

/** What `openCase` tells of a new case: `follow_up.opened`, along with this when routing assigned it as it opened. */
export const ASSIGNED_AS_OPENED = { event: 'follow_up.assigned', occurrence: 1 } as const;

/**
 * Makes the held deliveries of a case's opening (`notBefore`) due now, in the caller's transaction, and wakes this
 * process's runner at commit: the customer finished their answer, so staff and receivers hear of the case with the
 * comment and contact. Deliveries already due, or sent, are left as they are. True when any was still held: they
 * will carry the rest of the answer, so it needs no `follow_up.answer_updated`.
 */
export async function releaseHeldNotices(trx: Transaction<Database>, { projectId, caseId, now }: HeldNotices): Promise<boolean> {
  if ((await releaseHeldJobs(trx, await openingKeys(trx, projectId, caseId, now), now)) === 0) return false;
  afterCommit(trx, wakeRunners);
  return true;
}

/**
 * Whether the deliveries of a case's opening are still held: a step that brings the comment while the contact step
 * may follow changes what they will carry, not what anyone was told.
 */
export async function noticesHeld(trx: Transaction<Database>, { projectId, caseId, now }: HeldNotices): Promise<boolean> {
  return anyHeldJob(trx, await openingKeys(trx, projectId, caseId, now), now);
}

interface HeldNotices {
  projectId: string;
  caseId: string;
  now: Date;
}

/**
 * The keys `openCase` queued a case's opening under, found by the unique index (both events: whether the case was
 * routed is not read back; a key never queued matches nothing).
 */
async function openingKeys(trx: Transaction<Database>, projectId: string, caseId: string, now: Date): Promise<string[]> {
  return noticeJobs(caseId, now.toISOString(), [{ event: 'follow_up.opened' }, ASSIGNED_AS_OPENED], await caseEventListeners(trx, projectId)).map((job) => job.key);
}

/**
 * The jobs that tell `told` to `listeners`: each receiver's delivery (`receiverDeliveries`) and, when staff may be
 * mailed of one of the events, one fan-out for all of them under the first one's key.
 */
function noticeJobs(caseId: string, occurredAt: string, told: readonly { event: WebhookEventType; occurrence?: number | string }[], listeners: CaseEventListeners): Delivery[] {
  const keyed = told.map((each) => ({ event: each.event, key: caseEventKey(caseId, each.event, each.occurrence) }));
  const jobs = keyed.flatMap((each) => receiverDeliveries(caseId, occurredAt, each, listeners));
  const [mailed, ...mailedToo] = listeners.staffMail ? keyed.filter((each) => STAFF_MAIL_EVENTS.has(each.event)) : [];
  if (mailed !== undefined) {
    const payload = { caseId, event: mailed.event, occurredAt, emailOnly: true as const, ...(mailedToo.length > 0 && { alongWith: mailedToo }) };
    jobs.push(delivery(notifyCaseKind, payload, mailed.key));
  }
  return jobs;
}

function caseEventKey(caseId: string, event: WebhookEventType, occurrence: number | string | undefined): string {
  return `case:${caseId}:${event.replace(/^follow_up\./, '')}${occurrence === undefined ? '' : `:${occurrence}`}`;
}
