import { withTransaction } from '../../db/with-transaction.js';
import { findCaseOwners } from '../../repos/cases.js';
import { findIntegrationUrl } from '../../repos/integrations.js';
import { listSubscribedWebhooks } from '../../repos/webhooks.js';
import { enqueue } from '../enqueue.js';
import type { JobDependencies } from '../job-dependencies.js';
import { defineJob } from '../job-definition.js';
import { deliverEmailKind, STAFF_MAIL_EVENTS } from './deliver-email-job.js';
import { deliverSlackKind, SLACK_EVENTS } from './deliver-slack-job.js';
import { deliverWebhookKind } from './deliver-webhook-job.js';
import { notifyCaseKind } from './notify-case.js';
import { staffRecipients } from './staff-recipients.js';

/**
 * The fan-out of one case event: one `deliver-webhook` job per live webhook subscribed to the event (key
 * `<this key>:webhook:<webhookId>`) and one `deliver-slack` job when the project has Slack and the event is one
 * Slack hears of, and, when the server sends email, one `deliver-email` job per member of staff to tell of a new or
 * overdue case (`<this key>:email:<memberId>`; who, see `staffRecipients`), all queued in one transaction. Separate jobs, so a receiver that is down retries alone and never
 * holds back the others; deterministic keys, so a fan-out run twice (its runner died) queues nothing twice.
 */
export function notifyCaseJob({ db, now, mail }: JobDependencies) {
  return defineJob({
    ...notifyCaseKind,
    async handle({ caseId, event, occurredAt }, { key }) {
      await withTransaction(db.kysely, async (trx) => {
        // The owners, not the whole case: each delivery reads the case itself when it sends, as it is then.
        const found = await findCaseOwners(trx, caseId);
        if (found === null) return;
        const at = now();
        // The deliveries take the event's place in the queue (claims go by run_at): under a backlog they run next,
        // ahead of the fan-outs of later events, instead of queuing behind them all a second time.
        const queued = { now: at, runAt: new Date(Math.min(Date.parse(occurredAt), at.getTime())) };
        for (const webhook of await listSubscribedWebhooks(trx, found.projectId, event)) {
          await enqueue(trx, deliverWebhookKind, { webhookId: webhook.id, caseId, event, occurredAt }, { key: `${key}:webhook:${webhook.id}`, ...queued });
        }
        if (SLACK_EVENTS.has(event) && (await findIntegrationUrl(trx, found.projectId, 'slack')) !== null) {
          await enqueue(trx, deliverSlackKind, { caseId, event, occurredAt }, { key: `${key}:slack`, ...queued });
        }
        if (mail != null && STAFF_MAIL_EVENTS.has(event)) {
          for (const member of await staffRecipients(trx, found.projectId, found)) {
            await enqueue(trx, deliverEmailKind, { caseId, memberId: member.id, event, occurredAt }, { key: `${key}:email:${member.id}`, ...queued });
          }
        }
      });
    },
  });
}
