import { withTransaction } from '../../db/with-transaction.js';
import { fanOutTargetsReader } from '../../repos/fan-out-targets.js';
import type { JobDependencies } from '../job-dependencies.js';
import { defineJob } from '../job-definition.js';
import { deliverEmailKind, STAFF_MAIL_EVENTS } from './deliver-email-job.js';
import { setStaffMail } from './case-event-listeners.js';
import { notifyCaseKind } from './notify-case.js';
import { delivery, receiverDeliveries } from './receiver-deliveries.js';
import { staffRecipients } from './staff-recipients.js';

/**
 * The fan-out of one case event (and of the events `alongWith` it, each under its own key) to staff email: when the
 * server sends email, one `deliver-email` job per member of staff to tell of a new or overdue case
 * (`<this key>:email:<memberId>`; who, see `staffRecipients`), all queued in one transaction. `notifyCase` queues
 * webhook and Slack deliveries itself; a fan-out queued by an earlier version (no `emailOnly`) also queues those
 * (`receiverDeliveries`, under the keys `notifyCase` uses now). Deterministic keys, so a fan-out run twice (its
 * runner died) queues nothing twice.
 */
export function notifyCaseJob({ db, now, mail }: JobDependencies) {
  const findFanOutTargets = fanOutTargetsReader(db.kysely);
  // Use cases queue a fan-out for staff email only when this fan-out sends it (case-event-listeners.ts).
  setStaffMail(db.kysely, mail != null);
  return defineJob({
    ...notifyCaseKind,
    async handle({ caseId, event, occurredAt, alongWith = [], emailOnly = false }, { key }) {
      // Read first, outside a transaction, in one statement shared with the fan-outs claimed with this one: a case
      // nobody owns, or whose team is away, has nobody to mail, and a fan-out with nothing to queue then costs that
      // read (no BEGIN and COMMIT round trips). The owners, not the whole case: each delivery reads the case itself
      // when it sends, as it is then.
      const targets = await findFanOutTargets(caseId);
      if (targets === null) return;
      const told = [{ event, key }, ...alongWith];
      const staff = mail != null && told.some((t) => STAFF_MAIL_EVENTS.has(t.event)) ? await staffRecipients(db.kysely, targets.projectId, targets) : [];
      const deliveries = told.flatMap((each) => [
        ...(emailOnly ? [] : receiverDeliveries(caseId, occurredAt, each, targets)),
        ...(STAFF_MAIL_EVENTS.has(each.event)
          ? staff.map((member) => delivery(deliverEmailKind, { caseId, memberId: member.id, event: each.event, occurredAt }, `${each.key}:email:${member.id}`))
          : []),
      ]);
      if (deliveries.length === 0) return;
      const at = now();
      // The deliveries take the event's place in the queue (claims go by run_at): under a backlog they run next,
      // ahead of the fan-outs of later events, instead of queuing behind them all a second time.
      const queued = { now: at, runAt: new Date(Math.min(Date.parse(occurredAt), at.getTime())) };
      await withTransaction(db.kysely, async (trx) => {
        for (const each of deliveries) await each.queue(trx, queued);
      });
    },
  });
}
