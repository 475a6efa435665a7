import type { Conn } from '../../db/db.js';
import { perDatabase } from '../../db/per-database.js';
import { projectListeners } from '../../repos/project-listeners.js';
import type { ProjectListeners } from '../../repos/project-listeners-cache.js';

/** Whether this database's fan-out mails staff; null: this process built no job runner, so it cannot tell. */
const staffMailOf = (conn: Conn) => perDatabase(conn, 'staff-mail', () => ({ sends: null as boolean | null }));

/** Told when the job runner's definitions are built (`notifyCaseJob`): whether its fan-out mails staff. */
export function setStaffMail(conn: Conn, sends: boolean): void {
  staffMailOf(conn).sends = sends;
}

export interface CaseEventListeners extends ProjectListeners {
  /** Staff may be mailed of new and overdue cases: the server sends email, or this process cannot tell. */
  staffMail: boolean;
}

/**
 * Who may hear of a project's case events: its live webhooks, Slack, and staff email when the server sends it. Read
 * through a cache of a second per project (`projectListeners`), cleared by this instance when it writes a webhook or
 * an integration: an event is told to the listeners there were when it happened (within a second for a webhook
 * added through another instance), as a receiver added later is not sent the events before it.
 */
export async function caseEventListeners(conn: Conn, projectId: string): Promise<CaseEventListeners> {
  return { ...(await projectListeners(conn, projectId)), staffMail: staffMailOf(conn).sends !== false };
}
