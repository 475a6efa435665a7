import type { WebhookEventType } from '@closeloop/sdk/schemas';
import type { Conn } from '../../db/db.js';
import { perDatabase } from '../../db/per-database.js';
import { projectListeners } from '../../repos/project-listeners.js';
import { STAFF_MAIL_EVENTS } from './deliver-email-job.js';
import { SLACK_EVENTS } from './deliver-slack-job.js';

/** Whether this database's fan-out mails staff; null: this process built no job runner, so it cannot tell. */
const staffMailOf = (conn: Conn) => perDatabase(conn, 'staff-mail', () => ({ sends: null as boolean | null }));

/** Told when the job runner's definitions are built (`notifyCaseJob`): whether its fan-out mails staff. */
export function setStaffMail(conn: Conn, sends: boolean): void {
  staffMailOf(conn).sends = sends;
}

/**
 * Whether anyone may hear of these events of a project's case: a live webhook subscribed to one, Slack for those
 * Slack hears of, or staff email for those staff are mailed about, when the server sends email (or this process
 * cannot tell). When nobody may, `notifyCase` queues no fan-out: most case events of most projects have nobody to
 * tell (no webhook, Slack or email set up, or webhooks subscribed to other events), and each of those fan-outs was a
 * job written, claimed, run and marked done to queue nothing, a quarter of ingest's cost under pnpm bench:ingest. An
 * event is told to the listeners there were when it happened (within a second for a webhook added through another
 * instance), as a receiver added later is not sent the events before it.
 */
export async function anyoneListens(conn: Conn, projectId: string, events: readonly WebhookEventType[]): Promise<boolean> {
  if (staffMailOf(conn).sends !== false && events.some((event) => STAFF_MAIL_EVENTS.has(event))) return true;
  const { webhookEvents, slack } = await projectListeners(conn, projectId);
  return events.some((event) => webhookEvents.has(event) || (slack && SLACK_EVENTS.has(event)));
}
