import { CaseResolutionRecord } from '@closeloop/sdk/schemas';
import { sql } from 'kysely';
import type { Conn } from '../db/db.js';
import { readInSlices } from './keyset.js';

/** The stats window: `from` inclusive, `to` exclusive, ISO timestamps (which sort as text). */
export interface StatsWindow {
  from: string;
  to: string;
}

/** A case opened in the window, as the stats read it. */
export interface StatsCase {
  teamId: string | null;
  assigneeId: string | null;
  open: boolean;
  createdAt: number;
  dueAt: number;
  firstContactAt: number | null;
  resolvedAt: number | null;
  rootCause: string | null;
  /** The NPS score of the response that opened it (null for a feedback case, or a survey without NPS). */
  openingScore: number | null;
  /** The customer's next NPS score after it was resolved, once linked. */
  recoveryScore: number | null;
}

const ResolvedAt = CaseResolutionRecord.pick({ resolvedAt: true });

/** The order the cases are read in, slice by slice: the (project_id, created_at, id) index's. */
export const STATS_CASES_ORDER = ['f.created_at', 'f.id'];

/**
 * The project's cases opened in the window, range scans of the (project_id, created_at, id) index in slices, each
 * case joined by primary key to its response's NPS score. The medians need every duration, so the rows come back
 * whole: the window is at most 366 days, and `pnpm bench` (follow-up-stats.bench.ts) times 100,000 cases.
 */
export async function listStatsCases(conn: Conn, projectId: string, window: StatsWindow): Promise<StatsCase[]> {
  return readInSlices(
    statsCasesQuery(conn, projectId, window.to),
    STATS_CASES_ORDER,
    (row): StatsCase => ({
      teamId: row.team_id,
      assigneeId: row.assignee_id,
      open: row.status !== 'resolved' && row.status !== 'closed',
      createdAt: Date.parse(row.created_at),
      dueAt: Date.parse(row.due_at),
      firstContactAt: row.first_contact_at === null ? null : Date.parse(row.first_contact_at),
      // A reopened case has no resolution any more: it counts as not resolved.
      resolvedAt: row.resolution === null ? null : Date.parse(ResolvedAt.parse(JSON.parse(row.resolution)).resolvedAt),
      rootCause: row.root_cause,
      openingScore: row.nps_score,
      recoveryScore: row.recovery_score,
    }),
    (row) => [row.created_at, row.id],
    { start: [window.from, ''] },
  );
}

/**
 * The cases' query: those opened before `to`. The window's start is where the first slice starts, in
 * {@link STATS_CASES_ORDER} (see `readInSlices`). Apart so a test can read its plan.
 */
export function statsCasesQuery(conn: Conn, projectId: string, to: string) {
  return conn
    .selectFrom('follow_ups as f')
    .leftJoin('responses as r', 'r.id', 'f.response_id')
    .select(['f.id', 'f.team_id', 'f.assignee_id', 'f.status', 'f.created_at', 'f.due_at', 'f.first_contact_at', 'f.resolution', 'f.root_cause', 'f.recovery_score', 'r.nps_score'])
    .where('f.project_id', '=', projectId)
    .where('f.created_at', '<', to);
}

/** A detractor answer (NPS 0–6) received in the window, with its customer, its case if any, and whether they came back. */
export interface StatsDetractor {
  /**
   * The customer, numbered 0, 1, 2… in the order the read met them: a verified user by user id, else a browser by its
   * anonymous id, as the case detail matches customers. A number so the figures tally customers without hashing ids.
   */
  customer: number;
  teamId: string | null;
  assigneeId: string | null;
  /** Its case got a contact or a resolution. */
  followedUp: boolean;
  /** The customer answered a survey (any) after this answer. */
  answeredAgain: boolean;
}

/** The order the detractor answers are read in, slice by slice: the (project_id, received_at, id) index's. */
export const STATS_DETRACTORS_ORDER = ['d.received_at', 'd.id'];

/**
 * The project's detractor answers received in the window: range scans of the (project_id, received_at, id) index in
 * slices, filtered on `nps_score`, each answer joined to its case through UNIQUE(response_id), and per answer one seek
 * of (project_id, user_id | anonymous_id, received_at) for a later answer of the customer (migration 0010).
 */
export async function listStatsDetractors(conn: Conn, projectId: string, window: StatsWindow): Promise<StatsDetractor[]> {
  const customers = new Map<string, number>();
  const numberOf = (customer: string) => {
    let n = customers.get(customer);
    if (n === undefined) customers.set(customer, (n = customers.size));
    return n;
  };
  return readInSlices(
    statsDetractorsQuery(conn, projectId, window.to),
    STATS_DETRACTORS_ORDER,
    (row): StatsDetractor => ({
      customer: numberOf(Number(row.by_user) === 1 ? `user:${row.user_id}` : `browser:${row.anonymous_id}`),
      teamId: row.team_id,
      assigneeId: row.assignee_id,
      followedUp: Number(row.followed_up) === 1,
      answeredAgain: Number(row.answered_again) === 1,
    }),
    (row) => [row.received_at, row.id],
    { start: [window.from, ''] },
  );
}

/**
 * The detractors' query: those received before `to`. The window's start is where the first slice starts, in
 * {@link STATS_DETRACTORS_ORDER} (see `readInSlices`). Apart so a test can read its plan.
 */
export function statsDetractorsQuery(conn: Conn, projectId: string, to: string) {
  const verifiedUser = sql<boolean>`d.verified = 1 and d.user_id is not null`;
  return conn
    .selectFrom('responses as d')
    .leftJoin('follow_ups as f', 'f.response_id', 'd.id')
    .select(['d.id', 'd.received_at', 'd.user_id', 'd.anonymous_id', 'f.team_id', 'f.assignee_id'])
    .select(sql<number>`case when ${verifiedUser} then 1 else 0 end`.as('by_user'))
    .select(sql<number>`case when f.first_contact_at is not null or f.resolution is not null then 1 else 0 end`.as('followed_up'))
    .select(
      sql<number>`case when ${verifiedUser}
        then (case when exists (select 1 from responses r where r.project_id = d.project_id and r.user_id = d.user_id and r.verified = 1 and r.received_at > d.received_at) then 1 else 0 end)
        else (case when exists (select 1 from responses r where r.project_id = d.project_id and r.anonymous_id = d.anonymous_id and r.received_at > d.received_at) then 1 else 0 end)
      end`.as('answered_again'),
    )
    .where('d.project_id', '=', projectId)
    .where('d.received_at', '<', to)
    .where('d.nps_score', '<=', 6);
}

/** Every team of the project and every member, deleted ones too (their cases still count), for the stats' names. */
export async function listStatsPeople(conn: Conn, projectId: string) {
  const teams = await conn.selectFrom('teams').select(['id', 'name']).where('project_id', '=', projectId).orderBy('name').orderBy('id').execute();
  const members = await conn.selectFrom('members').select(['id', 'name', 'deleted_at']).where('project_id', '=', projectId).orderBy('name').orderBy('id').execute();
  return { teams, members: members.map((m) => ({ id: m.id, name: m.name, deleted: m.deleted_at !== null })) };
}
