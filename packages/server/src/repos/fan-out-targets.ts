import type { WebhookEventType } from '@closeloop/sdk/schemas';
import { sql } from 'kysely';
import type { Conn } from '../db/db.js';
import { dialectOf } from '../db/dialect-of.js';
import { gatherCalls } from '../db/gather-calls.js';
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

/** Most cases one read asks for: a runner claims ten jobs at a time by default, and runs 32 at most. */
const MOST_PER_READ = 100;

/**
 * What a notification's fan-out reads: the case's owners, the project's live webhooks and whether it has Slack (null
 * when the case is gone). The calls made in the same turn share one statement: the job runner starts a claim's jobs
 * together, so a claim of ten fan-outs reads once instead of ten times (a round trip each on PostgreSQL, where this
 * runs for every case event). A failed read fails the fan-outs that asked in that turn, each retried as usual.
 */
export function fanOutTargetsReader(conn: Conn): (caseId: string) => Promise<FanOutTargets | null> {
  // After the jobs started in this turn have asked too.
  return gatherCalls(queueMicrotask, async (asked: string[]) => {
    const caseIds = [...new Set(asked)];
    const found = new Map<string, FanOutTargets>();
    for (let i = 0; i < caseIds.length; i += MOST_PER_READ) {
      for (const [id, targets] of await readTargets(conn, caseIds.slice(i, i + MOST_PER_READ))) found.set(id, targets);
    }
    return asked.map((id) => found.get(id) ?? null);
  });
}

async function readTargets(conn: Conn, caseIds: string[]): Promise<Map<string, FanOutTargets>> {
  // PostgreSQL takes the ids as an array, SQLite as a JSON array: one prepared statement whatever their number.
  const { rows } = await fanOutTargetsStatement(conn, { caseIds: dialectOf(conn) === 'postgres' ? caseIds : JSON.stringify(caseIds) });
  const byCase = new Map<string, FanOutTargets>();
  for (const row of rows) {
    let targets = byCase.get(row.case_id);
    if (targets === undefined) {
      // PostgreSQL answers EXISTS with a boolean, SQLite with 0 or 1.
      targets = { projectId: row.project_id, assigneeId: row.assignee_id, teamId: row.team_id, webhooks: [], slack: row.has_slack === true || row.has_slack === 1 };
      byCase.set(row.case_id, targets);
    }
    if (row.webhook_id !== null) targets.webhooks.push({ id: row.webhook_id, events: storedWebhookEvents(row.webhook_events ?? '[]') });
  }
  return byCase;
}

interface TargetRow {
  case_id: string;
  project_id: string;
  assignee_id: string | null;
  team_id: string | null;
  webhook_id: string | null;
  webhook_events: string | null;
  has_slack: boolean | number;
}

const fanOutTargetsStatement = preparedStatement<{ caseIds: string[] | string }, TargetRow>((conn, p) =>
  conn
    .selectFrom('follow_ups as f')
    .leftJoin('webhooks as w', (join) => join.onRef('w.project_id', '=', 'f.project_id').on('w.deleted_at', 'is', null))
    .select((eb) => [
      'f.id as case_id',
      'f.project_id',
      'f.assignee_id',
      'f.team_id',
      'w.id as webhook_id',
      'w.events as webhook_events',
      eb.exists(eb.selectFrom('integrations as i').select('i.kind').whereRef('i.project_id', '=', 'f.project_id').where('i.kind', '=', 'slack')).as('has_slack'),
    ])
    .where(
      dialectOf(conn) === 'postgres'
        ? sql<boolean>`${sql.ref('f.id')} = any(${p('caseIds')}::text[])`
        : sql<boolean>`${sql.ref('f.id')} in (select value from json_each(${p('caseIds')}))`,
    )
    .orderBy('f.id')
    .orderBy('w.created_at')
    .orderBy('w.id'),
);
