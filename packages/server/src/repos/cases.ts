import { CaseResolutionRecord, FollowUp, FollowUpPriority, FollowUpStatus } from '@closeloop/sdk/schemas';
import type { CaseSummary, FollowUpCounts, SurveyFollowUp } from '@closeloop/sdk/schemas';
import { sql } from 'kysely';
import type { Selectable, Transaction, Updateable } from 'kysely';
import type { Database, FollowUpsTable } from '../db/database.js';
import { insertedAny } from '../db/inserted-any.js';
import type { Conn } from '../db/db.js';
import { dialectOf } from '../db/dialect-of.js';
import { insertAtCommit, insertHeldNow } from '../db/insert-at-commit.js';
import { preparedStatement } from '../db/prepared-statement.js';
import type { ParameterOf } from '../db/prepared-statement.js';
import { feedbackFromRow, feedbackRowsById } from './feedback.js';
import { keysetPageAscending } from './keyset.js';
import type { PositionPage, PositionPageRequest } from './keyset.js';
import { responseFromRow, responseRowsById } from './responses.js';
import { newRowId } from '../db/new-row-id.js';

/** What opened a case: a survey response (with the answer that matched the rule) or a feedback. */
export type CaseCause = { responseId: string; surveyId: string; reason: SurveyFollowUp['reason'] } | { feedbackId: string };

/** Who the customer is, for their other cases: the verified user id (else null) and the browser's anonymous id. */
export interface CaseCustomer {
  userId: string | null;
  anonymousId: string;
}

export interface NewCase {
  projectId: string;
  cause: CaseCause;
  priority: FollowUpPriority;
  dueAt: string;
  openedAt: string;
  /** Lower-cased text the customer wrote, searched by `?q=`. */
  searchText: string;
  customer: CaseCustomer;
  /** Its team and assignee from the routing rules, written with the row; absent: it opens unassigned. */
  owners?: { teamId: string | null; assigneeId: string | null } | null;
  /**
   * The cause (the response or the feedback) was inserted by this very transaction, so it has no case yet: the row
   * may then wait for the commit, in one multi-row insert with the batch's other new cases (insertAtCommit).
   */
  newCause?: boolean;
}

/** The queue's order: urgent first. Stored beside `priority` so an index can serve "priority, then due time". */
export const PRIORITY_RANK: Record<FollowUpPriority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

export type CaseRow = Selectable<FollowUpsTable>;

/** A position in the queue: priority rank, due time, id. */
export type QueuePosition = readonly [number, string, string];

interface NewCaseRow {
  id: string;
  project_id: string;
  status: string;
  priority: string;
  priority_rank: number;
  assignee_id: string | null;
  team_id: string | null;
  version: number;
  due_at: string;
  created_at: string;
  updated_at: string;
  search_text: string;
  customer_user_id: string | null;
  customer_anonymous_id: string;
}

const caseColumns = (p: ParameterOf<NewCaseRow>) => ({
  id: p('id'),
  project_id: p('project_id'),
  status: p('status'),
  priority: p('priority'),
  priority_rank: p('priority_rank'),
  assignee_id: p('assignee_id'),
  team_id: p('team_id'),
  version: p('version'),
  due_at: p('due_at'),
  created_at: p('created_at'),
  updated_at: p('updated_at'),
  search_text: p('search_text'),
  customer_user_id: p('customer_user_id'),
  customer_anonymous_id: p('customer_anonymous_id'),
});

const insertResponseCase = preparedStatement<NewCaseRow & { response_id: string; survey_id: string; reason: string }, never>((conn, p) =>
  conn
    .insertInto('follow_ups')
    .values({ ...caseColumns(p), response_id: p('response_id'), survey_id: p('survey_id'), reason: p('reason') })
    .onConflict((oc) => oc.column('response_id').doNothing()),
);

const insertFeedbackCase = preparedStatement<NewCaseRow & { feedback_id: string }, never>((conn, p) =>
  conn
    .insertInto('follow_ups')
    .values({ ...caseColumns(p), feedback_id: p('feedback_id') })
    .onConflict((oc) => oc.column('feedback_id').doNothing()),
);

/**
 * Inserts the case unless its cause already has one: UNIQUE(response_id) and UNIQUE(feedback_id) keep a cause to
 * one case even when duplicate posts race. Returns the cause's case id, and whether this call created it.
 */
export async function insertCase(conn: Conn, input: NewCase): Promise<{ id: string; created: boolean }> {
  const { cause } = input;
  const common = {
    id: newRowId(),
    project_id: input.projectId,
    status: 'open',
    priority: input.priority,
    priority_rank: PRIORITY_RANK[input.priority],
    assignee_id: input.owners?.assigneeId ?? null,
    team_id: input.owners?.teamId ?? null,
    version: 1,
    due_at: input.dueAt,
    created_at: input.openedAt,
    updated_at: input.openedAt,
    search_text: input.searchText,
    customer_user_id: input.customer.userId,
    customer_anonymous_id: input.customer.anonymousId,
  };
  const row = 'feedbackId' in cause ? { ...common, feedback_id: cause.feedbackId } : { ...common, response_id: cause.responseId, survey_id: cause.surveyId, reason: JSON.stringify(cause.reason) };
  const insertNow = async () => insertedAny('feedback_id' in row ? await insertFeedbackCase(conn, row) : await insertResponseCase(conn, row));
  let created: boolean;
  if (input.newCause === true && conn.isTransaction) {
    // Held on PostgreSQL (then certainly created: its cause is new); inserted at once on SQLite.
    created = true;
    await insertAtCommit(conn as Transaction<Database>, 'follow_ups', row, async () => void (created = await insertNow()));
  } else {
    created = await insertNow();
  }
  if (created) return { id: common.id, created: true };
  const id = await findCaseIdOf(conn, cause);
  if (id === null) throw new Error('the case just inserted is not there');
  return { id, created: false };
}

/** The id of the case a response or a feedback opened, or null. */
export async function findCaseIdOf(conn: Conn, cause: { responseId: string } | { feedbackId: string }): Promise<string | null> {
  // A case opened earlier in this transaction may still be held for the commit (a second step of an answer, in the
  // same batch as its first).
  if (conn.isTransaction) await insertHeldNow(conn as Transaction<Database>);
  const query = conn.selectFrom('follow_ups').select('id');
  const row = await ('feedbackId' in cause ? query.where('feedback_id', '=', cause.feedbackId) : query.where('response_id', '=', cause.responseId)).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * A case by id as its SLA check reads it, the row locked until the transaction ends on PostgreSQL (a PATCH or a
 * resolve of the same case waits, then sees the escalation). Null when the case is gone.
 */
export async function findCaseForEscalation(conn: Conn, id: string) {
  const row = await conn
    .selectFrom('follow_ups')
    .select(['project_id', 'status', 'due_at', 'escalated_at', 'assignee_id', 'team_id'])
    .where('id', '=', id)
    .$if(dialectOf(conn) === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
  return row ?? null;
}

/** Marks a case escalated for being overdue (a system flag: the version stays, so no one's pending PATCH goes stale). */
export async function setCaseEscalated(conn: Conn, caseId: string, at: string): Promise<void> {
  await conn.updateTable('follow_ups').set({ escalated_at: at }).where('id', '=', caseId).execute();
}

/** A later step of the response changed what the customer wrote, or who they are. */
export async function refreshCaseCustomer(conn: Conn, caseId: string, searchText: string, customer: CaseCustomer): Promise<void> {
  await conn
    .updateTable('follow_ups')
    .set({ search_text: searchText, customer_user_id: customer.userId, customer_anonymous_id: customer.anonymousId })
    .where('id', '=', caseId)
    .execute();
}

/**
 * The project's case, or null. With `lock`, the row stays locked until the transaction ends on PostgreSQL (SQLite's
 * writer holds the lock already), so a concurrent change to the same case waits, then sees this one's version.
 */
export async function findCaseRow(conn: Conn, projectId: string, id: string, { lock = false } = {}): Promise<CaseRow | null> {
  const row = await conn
    .selectFrom('follow_ups')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .$if(lock && dialectOf(conn) === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
  return row ?? null;
}

export type CaseChanges = Pick<
  Updateable<FollowUpsTable>,
  'status' | 'assignee_id' | 'team_id' | 'priority' | 'priority_rank' | 'due_at' | 'first_contact_at' | 'resolution' | 'root_cause'
>;

/**
 * Writes `changes` and raises the version, only if the case is still at `row.version`: the compare-and-set that
 * makes a change against a stale read lose. Null when it lost (the caller re-reads and reports the current version).
 */
export async function updateCaseRow(conn: Conn, row: CaseRow, changes: CaseChanges, at: string): Promise<CaseRow | null> {
  const updated = await conn
    .updateTable('follow_ups')
    .set({ ...changes, version: row.version + 1, updated_at: at })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returningAll()
    .executeTakeFirst();
  return updated ?? null;
}

/** The queue's filters; each one set narrows the list. */
export interface CaseFilters {
  status?: FollowUpStatus | undefined;
  /** A member id, or null for unassigned cases. */
  assigneeId?: string | null | undefined;
  /** A team id, or null for cases without a team. */
  teamId?: string | null | undefined;
  priority?: FollowUpPriority | undefined;
  /** Only cases due before this time and not yet resolved or closed. */
  overdueAt?: string | undefined;
  surveyId?: string | undefined;
  source?: FollowUp['source'] | undefined;
  /** Text the customer wrote contains this (any case). */
  q?: string | undefined;
}

function filteredCases(conn: Conn, projectId: string, filters: CaseFilters) {
  return conn
    .selectFrom('follow_ups')
    .where('project_id', '=', projectId)
    .$if(filters.status !== undefined, (q) => q.where('status', '=', filters.status!))
    .$if(filters.assigneeId !== undefined, (q) => (filters.assigneeId === null ? q.where('assignee_id', 'is', null) : q.where('assignee_id', '=', filters.assigneeId!)))
    .$if(filters.teamId !== undefined, (q) => (filters.teamId === null ? q.where('team_id', 'is', null) : q.where('team_id', '=', filters.teamId!)))
    .$if(filters.priority !== undefined, (q) => q.where('priority', '=', filters.priority!))
    .$if(filters.overdueAt !== undefined, (q) => q.where('due_at', '<', filters.overdueAt!).where('status', 'not in', ['resolved', 'closed']))
    .$if(filters.surveyId !== undefined, (q) => q.where('survey_id', '=', filters.surveyId!))
    .$if(filters.source === 'survey', (q) => q.where('response_id', 'is not', null))
    .$if(filters.source === 'feedback', (q) => q.where('feedback_id', 'is not', null))
    .$if(filters.q !== undefined, (q) => q.where(sql<boolean>`search_text like ${likePattern(filters.q!)} escape '\\'`));
}

/** `%text%` for LIKE, lower-cased like the column, with LIKE's own wildcards taken literally. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type CaseListRequest = PositionPageRequest<QueuePosition> & CaseFilters;

/**
 * One page of the queue: priority (urgent first), then due time (soonest first), then id, keyset-paged through the
 * `(project_id[, status | assignee_id | team_id], priority_rank, due_at, id)` indexes; each case with its cause in full.
 */
export async function listCases(conn: Conn, projectId: string, request: CaseListRequest): Promise<PositionPage<FollowUp, QueuePosition>> {
  const query = filteredCases(conn, projectId, request).selectAll();
  const page = await keysetPageAscending(query, ['priority_rank', 'due_at', 'id'], request, (row) => row, (row): QueuePosition => [row.priority_rank, row.due_at, row.id]);
  return { data: await casesWithCauses(conn, page.data), next: page.next };
}

/** How many cases each status holds under `filters` (whose own `status` is ignored): the queue's tab counts. */
export async function countCasesByStatus(conn: Conn, projectId: string, filters: CaseFilters): Promise<FollowUpCounts> {
  const rows = await filteredCases(conn, projectId, { ...filters, status: undefined })
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  const counts = Object.fromEntries(FollowUpStatus.options.map((s) => [s, 0])) as FollowUpCounts;
  for (const row of rows) counts[FollowUpStatus.parse(row.status)] = Number(row.n);
  return counts;
}

/**
 * The customer's other cases opened by `openedBy`, newest first: by verified user id when known, else by the
 * browser's anonymous id.
 */
export async function listCustomerCases(
  conn: Conn,
  projectId: string,
  customer: CaseCustomer,
  except: string,
  { openedBy, limit }: { openedBy: string; limit: number },
): Promise<CaseSummary[]> {
  const rows = await conn
    .selectFrom('follow_ups')
    .select(['id', 'feedback_id', 'status', 'priority', 'resolution', 'created_at'])
    .where('project_id', '=', projectId)
    .$if(customer.userId !== null, (q) => q.where('customer_user_id', '=', customer.userId))
    .$if(customer.userId === null, (q) => q.where('customer_anonymous_id', '=', customer.anonymousId))
    .where('id', '!=', except)
    .where('created_at', '<=', openedBy)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    source: row.feedback_id === null ? 'survey' : 'feedback',
    status: FollowUpStatus.parse(row.status),
    priority: FollowUpPriority.parse(row.priority),
    resolution: row.resolution === null ? null : CaseResolutionRecord.parse(JSON.parse(row.resolution)).resolution,
    createdAt: row.created_at,
  }));
}

/** Case rows as the contract's FollowUp: each joined with its response or feedback, two queries for the page. */
export async function casesWithCauses(conn: Conn, rows: CaseRow[]): Promise<FollowUp[]> {
  const responses = await responseRowsById(conn, rows.flatMap((f) => (f.response_id === null ? [] : [f.response_id])));
  const feedback = await feedbackRowsById(conn, rows.flatMap((f) => (f.feedback_id === null ? [] : [f.feedback_id])));
  return rows.map((row) => {
    const common = {
      id: row.id,
      status: row.status,
      priority: row.priority,
      assigneeId: row.assignee_id,
      teamId: row.team_id,
      version: row.version,
      dueAt: row.due_at,
      escalatedAt: row.escalated_at,
      firstContactAt: row.first_contact_at,
      resolution: row.resolution === null ? null : JSON.parse(row.resolution),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
    const feedbackRow = row.feedback_id === null ? undefined : feedback.get(row.feedback_id);
    if (feedbackRow) return FollowUp.parse({ ...common, source: 'feedback', feedback: feedbackFromRow({ ...feedbackRow, follow_up_id: row.id }) });
    const responseRow = row.response_id === null ? undefined : responses.get(row.response_id);
    if (!responseRow) throw new Error(`follow-up ${row.id} has no response ${row.response_id} or feedback ${row.feedback_id}`);
    return FollowUp.parse({
      ...common,
      source: 'survey',
      surveyId: row.survey_id,
      reason: row.reason === null ? null : JSON.parse(row.reason),
      response: responseFromRow({ ...responseRow, follow_up_id: row.id }),
    });
  });
}

/** One case as the contract's FollowUp. */
export async function caseWithCause(conn: Conn, row: CaseRow): Promise<FollowUp> {
  const [followUp] = await casesWithCauses(conn, [row]);
  if (followUp === undefined) throw new Error(`follow-up ${row.id} could not be read`);
  return followUp;
}

/**
 * The cases about one person: opened by one of their responses or feedback, or whose verified customer they are.
 * Oldest first. With `lock`, the rows stay locked until the transaction ends on PostgreSQL, so a change made
 * meanwhile (a resolve) waits instead of being overwritten by the erasure.
 */
export async function listPersonCaseRows(
  conn: Conn,
  projectId: string,
  { userId, responseIds, feedbackIds }: { userId: string; responseIds: string[]; feedbackIds: string[] },
  { lock = false } = {},
): Promise<CaseRow[]> {
  return conn
    .selectFrom('follow_ups')
    .selectAll()
    .where('project_id', '=', projectId)
    .where((eb) =>
      eb.or([
        eb('customer_user_id', '=', userId),
        ...(responseIds.length > 0 ? [eb('response_id', 'in', responseIds)] : []),
        ...(feedbackIds.length > 0 ? [eb('feedback_id', 'in', feedbackIds)] : []),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .$if(lock && dialectOf(conn) === 'postgres', (q) => q.forUpdate())
    .execute();
}

/**
 * Clears a case's copies of its customer's personal data: the searchable text, who the customer is, and the
 * resolution as erasure leaves it. The version moves on, so a view opened before the erasure is stale.
 */
export async function eraseCaseRow(conn: Conn, id: string, resolution: string | null, at: string): Promise<void> {
  await conn
    .updateTable('follow_ups')
    // `version + 1` in the statement: it also locks the row (PostgreSQL) before the erasure event is numbered.
    .set((eb) => ({ search_text: '', customer_user_id: null, customer_anonymous_id: null, resolution, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .execute();
}
