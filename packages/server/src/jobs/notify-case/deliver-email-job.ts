import { Timestamp, Uuid, WebhookEventType } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import { buildCaseMail } from '../../notify/email/case-mail.js';
import { sendMail } from '../../notify/email/send-mail.js';
import { findCaseById } from '../../repos/case-by-id.js';
import { findMember } from '../../repos/members.js';
import type { JobDependencies } from '../job-dependencies.js';
import { defineJob } from '../job-definition.js';
import type { JobKind } from '../job-definition.js';
import { caseUrlOf } from './case-url.js';
import { readCaseNotice } from './read-case-notice.js';
import { recordNotification } from './record-notification.js';

export const DeliverEmailPayload = z.object({ caseId: Uuid, memberId: z.string().min(1), event: WebhookEventType, occurredAt: Timestamp });

/** 12 attempts, about an hour with the runner's backoff, like Slack: a "new case" mail much later is stale news. */
export const deliverEmailKind: JobKind<typeof DeliverEmailPayload> = { kind: 'deliver-email', payload: DeliverEmailPayload, maxAttempts: 12 };

/** The case events staff are mailed about. */
export const STAFF_MAIL_EVENTS: ReadonlySet<WebhookEventType> = new Set(['follow_up.opened', 'follow_up.overdue']);

/**
 * Mails one member of staff about a new or overdue case, built from the case as it is now, and puts the outcome on
 * the case's timeline: `notification_delivered` once the mail server took it, `notification_failed` with the last
 * error once every attempt failed (a refused mail or a mail server down throws, so the runner retries). A member
 * deleted meanwhile, a case erased meanwhile, or mail switched off since the job was queued gets nothing.
 */
export function deliverEmailJob({ db, baseUrl, mail, now }: JobDependencies) {
  async function outcome(payload: z.output<typeof DeliverEmailPayload>, type: 'notification_delivered' | 'notification_failed', error?: string) {
    const found = await findCaseById(db.kysely, payload.caseId);
    if (found === null) return;
    const member = await findMember(db.kysely, found.projectId, payload.memberId);
    const after = { channel: 'email', event: payload.event, memberId: payload.memberId, to: member?.email ?? null, ...(error !== undefined && { error }) };
    await recordNotification(db.kysely, { projectId: found.projectId, caseId: payload.caseId, type, after, at: now() });
  }
  return defineJob({
    ...deliverEmailKind,
    async handle(payload) {
      if (mail == null) return;
      const found = await findCaseById(db.kysely, payload.caseId);
      if (found === null) return;
      const member = await findMember(db.kysely, found.projectId, payload.memberId);
      if (member === null) return;
      const notice = await readCaseNotice(db.kysely, found, caseUrlOf(baseUrl, found.followUp.id));
      const message = buildCaseMail(notice, payload.event === 'follow_up.overdue' ? 'overdue' : 'opened', [member.email]);
      const delivery = await sendMail(mail.transport, { from: mail.from, projectName: found.projectName }, message);
      if (!delivery.ok) throw new Error(`email to ${member.email}: ${delivery.error ?? 'refused'}`);
      await outcome(payload, 'notification_delivered');
    },
    onGiveUp: (payload, { error }) => outcome(payload, 'notification_failed', error),
  });
}
