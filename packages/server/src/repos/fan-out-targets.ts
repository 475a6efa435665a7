import type { WebhookEventType } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { preparedStatement } from '../db/prepared-statement.js';
import { storedWebhookEvents } from './webhooks.js';

/** Who may hear of a case's event: its owners (for staff mail), the project's live webhooks, and whether it has Slack. */
export interface FanOutTargets {
  projectId: string;
  assigneeId: string | null;
  teamId: string | null;
  /** Live webhooks, oldest first, with the events each subscribed to. */
  webhooks: { id: string; events: WebhookEventType[] }[];
  slack: boolean;
}

/**
 * What a notification's fan-out reads, in one statement (one round trip on PostgreSQL, for every case event): the
 * case's owners, the project's live webhooks and whether it has Slack. Null when the case is gone.
 */
export async function findFanOutTargets(conn: Conn, caseId: string): Promise<FanOutTargets | null> {
  const { rows } = await fanOutTargetsStatement(conn, { caseId });
  const first = rows[0];
  if (first === undefined) return null;
  return {
    projectId: first.project_id,
    assigneeId: first.assignee_id,
    teamId: first.team_id,
    webhooks: rows.flatMap((row) => (row.webhook_id === null ? [] : [{ id: row.webhook_id, events: storedWebhookEvents(row.webhook_events ?? '[]') }])),
    // PostgreSQL answers EXISTS with a boolean, SQLite with 0 or 1.
    slack: first.has_slack === true || first.has_slack === 1,
  };
}

interface TargetRow {
  project_id: string;
  assignee_id: string | null;
  team_id: string | null;
  webhook_id: string | null;
  webhook_events: string | null;
  has_slack: boolean | number;
}

const fanOutTargetsStatement = preparedStatement<{ caseId: string }, TargetRow>((conn, p) =>
  conn
    .selectFrom('follow_ups as f')
    .leftJoin('webhooks as w', (join) => join.onRef('w.project_id', '=', 'f.project_id').on('w.deleted_at', 'is', null))
    .select((eb) => [
      'f.project_id',
      'f.assignee_id',
      'f.team_id',
      'w.id as webhook_id',
      'w.events as webhook_events',
      eb.exists(eb.selectFrom('integrations as i').select('i.kind').whereRef('i.project_id', '=', 'f.project_id').where('i.kind', '=', 'slack')).as('has_slack'),
    ])
    .where('f.id', '=', p('caseId'))
    .orderBy('w.created_at')
    .orderBy('w.id'),
);
